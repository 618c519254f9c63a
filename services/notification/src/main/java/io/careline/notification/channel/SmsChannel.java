package io.careline.notification.channel;

import java.net.http.HttpClient;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.notification.config.DeliveryConfig;
import io.careline.notification.repository.Recipient;
import io.smallrye.mutiny.Uni;

/** SMS through the configured provider, to the recipient's first number (verified ones come first). */
@ApplicationScoped
public class SmsChannel implements Channel {

    private final MessageProvider provider;

    public SmsChannel(DeliveryConfig config, RecordingProvider recording, HttpClient http) {
        this.provider = Providers.of(config.sms(), recording, http);
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return recipient.phones == null ? Optional.empty() : recipient.phones.stream().findFirst();
    }

    @Override
    public Uni<Void> send(Outgoing message) {
        return provider.send(name(), message);
    }
}
