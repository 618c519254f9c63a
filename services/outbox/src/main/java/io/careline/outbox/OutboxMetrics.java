package io.careline.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's meters. The gauges hold the last values {@link OutboxMaintenance} computed, so scraping or a relay pass
 * never counts rows.
 */
@Singleton
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("careline.outbox.published").description("events the broker acknowledged")
                .register(registry);
        registry.gauge("careline.outbox.pending", pending);
        registry.gauge("careline.outbox.parked", parked);
        registry.gauge("careline.outbox.oldest.pending.age.seconds", oldestPendingMillis, millis -> millis.get() / 1000.0);
    }

    void published(int count) {
        published.increment(count);
    }

    /** One failed attempt, tagged with the exception's class (e.g. TimeoutException, RecordTooLargeException). */
    void failedAttempt(Throwable failure) {
        registry.counter("careline.outbox.failed.attempts", "reason", failure.getClass().getSimpleName()).increment();
    }

    void refresh(long pendingCount, long oldestPendingAgeMillis, long parkedCount) {
        pending.set(pendingCount);
        oldestPendingMillis.set(oldestPendingAgeMillis);
        parked.set(parkedCount);
    }
}
