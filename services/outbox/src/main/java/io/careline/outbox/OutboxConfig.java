package io.careline.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.outbox")
public interface OutboxConfig {

    /**
     * Where the relay's own connection goes, when not where the service's reactive pool goes: it holds a session-level
     * advisory lock and LISTENs, so behind a transaction-mode pooler (PgBouncer) it must reach the primary directly.
     */
    Optional<String> databaseUrl();

    /** The safety net: how often the relay looks without being woken by a commit (NOTIFY). */
    @WithDefault("1S")
    Duration pollInterval();

    /** Events read, sent and marked per pass; a full batch makes the relay go again at once. */
    @WithDefault("500")
    int batchSize();

    /**
     * The longest a pass may take. It must exceed the producer's max.block.ms + delivery.timeout.ms, so that every
     * event a pass sent is acknowledged or failed before the pass ends (checked at start).
     */
    @WithDefault("20S")
    Duration passDeadline();

    /** Failed attempts after which an event is parked until an operator retries or discards it. */
    @WithDefault("10")
    int maxAttempts();

    Backoff backoff();

    /** How long published and discarded events are kept for inspection before they are deleted. */
    @WithDefault("7D")
    Duration retention();

    /** How often the pending, oldest-age and parked gauges are recomputed. */
    @WithDefault("5S")
    Duration metricsRefresh();

    /**
     * Kafka producer settings for the relay only, over the service's {@code kafka.*} settings and the relay's defaults,
     * e.g. {@code careline.outbox.producer.linger.ms=5}.
     */
    Map<String, String> producer();

    interface Backoff {
        /** The wait after a first failure; it doubles with each further failure (with jitter). */
        @WithDefault("1S")
        Duration initial();

        @WithDefault("5M")
        Duration max();
    }
}
