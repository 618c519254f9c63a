package io.careline.notification.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Makes a stuck record visible while the consumer keeps retrying it (the connector's own stuck-record check is off,
 * so that a long store outage does not close the consumer):
 * <ul>
 * <li>{@code careline_consumer_oldest_in_progress_age_seconds}: how long the oldest record in hand has been
 * waiting to be applied, 0 when none is;</li>
 * <li>{@code careline_consumer_last_success_timestamp_seconds}: when a record was last handled (applied, found
 * applied before, or skipped as not ours); the start time until then. Alert on it together with consumer lag
 * ({@code kafka_consumer_fetch_manager_records_lag_max}): an idle consumer has no lag.</li>
 * </ul>
 */
@Startup // the gauges exist from the start, before the first record, so an alert has something to read
@ApplicationScoped
public class ConsumerProgress {

    static final String CHANNEL = "complaint-events";

    // keyed by the record object itself (identity): one entry per record in hand
    private final Map<Object, Long> inProgressSince = new ConcurrentHashMap<>();
    private final AtomicLong lastSuccessMillis = new AtomicLong(System.currentTimeMillis());

    public ConsumerProgress(MeterRegistry registry) {
        Gauge.builder("careline.consumer.oldest.in.progress.age.seconds", this, ConsumerProgress::oldestInProgressSeconds)
                .tag("channel", CHANNEL)
                .description("How long the oldest record in hand has been waiting to be applied; 0 when none is")
                .register(registry);
        Gauge.builder("careline.consumer.last.success.timestamp.seconds", lastSuccessMillis, millis -> millis.get() / 1000.0)
                .tag("channel", CHANNEL)
                .description("When the consumer last handled a record (epoch seconds)")
                .register(registry);
    }

    void started(Object record) {
        inProgressSince.put(record, System.currentTimeMillis());
    }

    void succeeded(Object record) {
        lastSuccessMillis.set(System.currentTimeMillis());
        inProgressSince.remove(record);
    }

    /** The record left our hands without being applied: dead-lettered, or the consumer is stopping. */
    void abandoned(Object record) {
        inProgressSince.remove(record);
    }

    double oldestInProgressSeconds() {
        long now = System.currentTimeMillis();
        return inProgressSince.values().stream().mapToLong(since -> now - since).max().orElse(0) / 1000.0;
    }
}
