package io.careline.notification.channel;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.notification.repository.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/** E-mail over SMTP (quarkus.mailer.*), to the recipient's first address (verified ones come first). */
@ApplicationScoped
public class EmailChannel implements Channel {

    private final ReactiveMailer mailer;

    public EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return recipient.emails == null ? Optional.empty() : recipient.emails.stream().findFirst();
    }

    @Override
    public Uni<Void> send(Outgoing message) {
        // the delivery id lets a recipient's mail system, and support, tie the mail to its delivery record
        return mailer.send(Mail.withText(message.address(), message.title(), message.body())
                .addHeader("X-Careline-Delivery", message.deliveryId()));
    }
}
