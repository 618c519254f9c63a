package io.careline.outbox.core;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.WithDefault;

/**
 * The relay settings every store shares, under {@code careline.outbox}. Each store's {@code @ConfigMapping} extends
 * this with its own keys (PostgreSQL: the relay's connection and retention; MongoDB: the lease and the collections).
 */
public interface RelayConfig {

    /** The safety net: how often the relay looks without being woken by a write. */
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
