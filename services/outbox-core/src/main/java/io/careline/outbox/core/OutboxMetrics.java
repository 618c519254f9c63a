package io.careline.outbox.core;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The outbox's meters, the same names whatever the store. The gauges hold the last values the store's maintenance
 * computed, so scraping or a relay pass never counts events. Each store module produces the one instance, with its
 * tags (none for PostgreSQL, {@code store=mongo} for MongoDB).
 */
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
        this.published = Counter.builder("careline.outbox.published").description("events the broker acknowledged")
                .tags(tags).register(registry);
        registry.gauge("careline.outbox.pending", tags, pending);
        registry.gauge("careline.outbox.parked", tags, parked);
        registry.gauge("careline.outbox.oldest.pending.age.seconds", tags, oldestPendingMillis, millis -> millis.get() / 1000.0);
    }

    public void published(int count) {
        published.increment(count);
    }

    /** One failed attempt, tagged with the exception's class (e.g. TimeoutException, RecordTooLargeException). */
    public void failedAttempt(Throwable failure) {
        registry.counter("careline.outbox.failed.attempts", tags.and("reason", failure.getClass().getSimpleName())).increment();
    }

    public void refresh(long pendingCount, long oldestPendingAgeMillis, long parkedCount) {
        pending.set(pendingCount);
        oldestPendingMillis.set(oldestPendingAgeMillis);
        parked.set(parkedCount);
    }

    /** 1 while this replica's relay is the one that publishes. */
    public void relayActive(RelayWorker relay) {
        Gauge.builder("careline.outbox.relay.active", relay, r -> r.isActive() ? 1 : 0).tags(tags).register(registry);
    }
}
