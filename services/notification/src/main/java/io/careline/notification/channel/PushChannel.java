package io.careline.notification.channel;

import java.net.http.HttpClient;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.notification.config.DeliveryConfig;
import io.careline.notification.repository.Recipient;
import io.smallrye.mutiny.Uni;

/**
 * Push through the configured provider, addressed by customer id: the app registers its devices with the provider
 * under that id (an "external user id"), so this service holds no device tokens. Only for customers the directory
 * knows, and not once they are erased.
 */
@ApplicationScoped
public class PushChannel implements Channel {

    private final MessageProvider provider;

    public PushChannel(DeliveryConfig config, RecordingProvider recording, HttpClient http) {
        this.provider = Providers.of(config.push(), recording, http);
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return recipient.erasedAt != null || recipient.applied == null || recipient.applied.isEmpty()
                ? Optional.empty()
                : Optional.of(recipient.customerId);
    }

    @Override
    public Uni<Void> send(Outgoing message) {
        return provider.send(name(), message);
    }
}
