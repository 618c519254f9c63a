package io.careline.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.notification")
public interface NotificationConfig {

    /** How the event consumer retries a record it could read but not apply (the store down, or anything else). */
    Retry retry();

    /** Bounds on the MongoDB client that Quarkus's own settings do not cover. */
    Mongo mongodb();

    interface Retry {

        /** The first wait after a failure; it doubles on each failure after that. */
        @WithDefault("1S")
        Duration initialBackOff();

        /** The longest wait between two attempts; retries go on until the record is applied, never skip it. */
        @WithDefault("1M")
        Duration maxBackOff();
    }

    interface Mongo {

        /**
         * How long a request waits for a pooled connection before it fails with MongoTimeoutException (the driver's
         * default is 2 minutes: an overloaded service would queue instead of answering 503 at once).
         */
        @WithDefault("1S")
        Duration waitQueueTimeout();
    }
}
