package io.careline.claimcare.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.careline.claimcare.service.Criterion;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.care")
public interface CareConfig {

    Eligibility eligibility();

    Report report();

    HealthKeys healthKeys();

    /** How far ahead of this service's clock a partner's occurredAt may be (their clocks drift) before it is refused. */
    @WithDefault("5M")
    Duration clockSkew();

    /** How often missed care-plan visits are looked for ({@code OverdueCheck}); each miss is raised once anyway. */
    @WithDefault("1m")
    Duration overdueCheckEvery();

    interface Eligibility {
        /** Who is proposed for care once their claim is paid: any one of these makes a beneficiary eligible. */
        @WithDefault("CRITICAL_ILLNESS,CHRONIC_ILLNESS,DISABILITY,MINOR")
        Set<Criterion> criteria();

        /** A beneficiary younger than this on the day of payment is a minor. */
        @WithDefault("18")
        int minorUnderAge();
    }

    interface Report {
        /** The visit-to-payment target the report measures against ("money in the account in 27 minutes"). */
        @WithDefault("30M")
        Duration visitToPaymentTarget();

        /** Green-channel claims are promised payment the same day: within this of being reported. */
        @WithDefault("24H")
        Duration greenChannelTarget();
    }

    /**
     * Keys for the beneficiaries' health data (AES-256-GCM). Values are encrypted with {@link #current()} and
     * decrypted with whichever key they name, so a new key is added, made current, and old values re-encrypted.
     */
    interface HealthKeys {
        /** The id of the key new values are encrypted with; must be one of {@link #keys()}. */
        String current();

        /** Key id to the key, base64 of 32 bytes. */
        Map<String, String> keys();
    }
}
