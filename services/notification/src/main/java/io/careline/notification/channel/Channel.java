package io.careline.notification.channel;

import java.util.Optional;

import io.careline.notification.repository.Recipient;
import io.smallrye.mutiny.Uni;

/** A way to reach a recipient. The in-app inbox is not one of these: every message goes there, once, on its own terms. */
public interface Channel {

    /** email, sms or push, as in consents and profiles. */
    String name();

    /** Where this channel reaches the recipient, or empty when it cannot (no address known). */
    Optional<String> address(Recipient recipient);

    /** Hands the message to the provider; a failure is retried by the caller, then the next channel takes over. */
    Uni<Void> send(Outgoing message);
}
