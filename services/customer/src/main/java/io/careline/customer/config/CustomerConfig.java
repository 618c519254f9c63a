package io.careline.customer.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "careline.customer")
public interface CustomerConfig {

    Ids ids();

    Subscriptions subscriptions();

    SmsWebhook smsWebhook();

    Erasure erasure();

    Greetings greetings();

    Visits visits();

    Satisfaction satisfaction();

    /** Bounds on the MongoDB client that Quarkus's own settings do not cover. */
    Mongo mongodb();

    interface Ids {

        /**
         * The number of the first id this service issues (C-100001). Ids below it are left to customers whose id was
         * set in the identity provider before they first signed in (the demo realm's C-1001...), so the two never meet.
         */
        @WithDefault("100001")
        long first();
    }

    interface Subscriptions {

        /** The value-added products a customer may subscribe to. */
        List<String> products();

        /** How long a confirmation code is valid. */
        @WithDefault("15M")
        Duration codeValidity();

        /** Wrong codes allowed before the request is void and a new one must be made. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * The key of the codes' HMAC: a six-digit code's plain hash is reversed in a millisecond, so only a keyed hash
         * is stored. Kubernetes sets it from a secret.
         */
        String codeKey();
    }

    interface SmsWebhook {

        /** The secret the SMS gateway signs each inbound message with (HMAC-SHA256 over timestamp + "." + body). */
        String secret();

        /** A signed timestamp further than this from now is refused, so a captured request cannot be replayed later. */
        @WithDefault("5M")
        Duration maxSkew();
    }

    interface Erasure {

        /** The services that hold personal data and must confirm each erasure. */
        @WithDefault("complaint,claim-care,notification")
        List<String> services();
    }

    interface Greetings {

        /** How often every replica looks for greetings due (the job's schedule; "off" stops it). */
        @WithDefault("5M")
        String every();

        /** The local hour (in the customer's timezone) from which a greeting is due on its day. */
        @WithDefault("9")
        int localHour();

        /** The zone of a customer who has none. */
        @WithDefault("UTC")
        String defaultTimezone();
    }

    interface Mongo {

        /** How long a request waits for a pooled connection before it fails (503) instead of queueing for 2 minutes. */
        @WithDefault("1S")
        Duration waitQueueTimeout();
    }

    interface Visits {

        /** Every customer with an officer is visited at least once per this many calendar months (1: monthly). */
        @WithDefault("1")
        @WithName("cadence-months")
        int cadenceMonths();

        /** The zone the visit periods' months are counted in. */
        @WithDefault("UTC")
        String zone();

        /** How often every replica looks for overdue visits (the job's schedule; "off" stops it). */
        @WithDefault("1H")
        String every();
    }

    interface Satisfaction {

        /** A score (0-100) below this is at risk. */
        @WithDefault("50")
        int atRiskBelow();

        /** A score from this on is loyal; between the two, indifferent. */
        @WithDefault("80")
        int loyalFrom();

        /** The score is the mean of this many latest answers. */
        @WithDefault("5")
        int window();
    }
}
