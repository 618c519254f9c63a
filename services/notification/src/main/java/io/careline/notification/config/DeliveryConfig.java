package io.careline.notification.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How messages leave through e-mail, SMS and push: order, retries, rules, providers. */
@ConfigMapping(prefix = "careline.notification.delivery")
public interface DeliveryConfig {

    /**
     * The channels tried after the recipient's preferred one fails or is suppressed, in this order (email, sms, push).
     * A recipient without a preferred external channel gets the in-app message only.
     */
    @WithDefault("sms,push,email")
    List<String> fallbackOrder();

    /** Attempts per channel before it counts as failed and the next channel takes over. */
    @WithDefault("3")
    int maxAttempts();

    /** The first wait after a failed attempt; it doubles up to {@link #maxBackOff()}. */
    @WithDefault("1S")
    Duration initialBackOff();

    @WithDefault("30S")
    Duration maxBackOff();

    /** Kinds the customer must receive (legally required): they bypass opt-outs and quiet hours, and that is recorded. */
    @WithDefault("COMPLAINT_ACKNOWLEDGEMENT,COMPLAINT_RESOLVED")
    Set<String> criticalKinds();

    /** Purposes a customer is taken to consent to until a ConsentChanged says otherwise. */
    @WithDefault("service")
    Set<String> consentedByDefault();

    QuietHours quietHours();

    /** How often the release looks for deliveries whose quiet hours ended (or whose sender died). */
    @WithDefault("30S")
    Duration releaseEvery();

    /** How long a sender holds a delivery: another replica (or the release) takes it over after this. */
    @WithDefault("2M")
    Duration claimTimeout();

    /** The SMS provider. */
    Provider sms();

    /** The push provider. */
    Provider push();

    interface QuietHours {

        /** When quiet hours begin, in the recipient's zone; equal to {@link #end()} switches them off. */
        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    interface Provider {

        /** {@code recording} (stores what it would send, for the local stack and tests) or {@code http}. */
        @WithDefault("recording")
        String type();

        /** The provider's endpoint (http only): it receives a JSON POST {to, title, body, reference}. */
        Optional<URI> url();

        /** Sent as {@code Authorization: Bearer <token>} (http only); from a secret. */
        Optional<String> token();

        @WithDefault("5S")
        Duration timeout();
    }
}
