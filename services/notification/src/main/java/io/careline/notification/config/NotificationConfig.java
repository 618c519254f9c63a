package io.careline.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.notification")
public interface NotificationConfig {

    /** How the event consumer retries a transient failure (MongoDB unreachable) before it moves on. */
    Retry retry();

    interface Retry {

        /** The first wait after a transient failure; it doubles on each failure after that. */
        @WithDefault("1S")
        Duration initialBackOff();

        /** The longest wait between two attempts; retries go on until the store is back, never skip an event. */
        @WithDefault("1M")
        Duration maxBackOff();
    }
}
