package io.careline.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.config.NotificationConfig;
import io.careline.notification.service.DeliveryService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.careline.service.messaging.UnreadableEventException;

/**
 * The consumer's failure policy, one class on its own (the store is a stand-in that fails on purpose): only an
 * unreadable record fails (and so goes to the dead-letter topic); any other failure is retried until it passes.
 */
class ComplaintEventsConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ConsumerProgress progress = new ConsumerProgress(metrics);

    @Test
    void anyFailureToApplyAReadableEventIsRetriedUntilItPassesNeverDeadLettered() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        // not one of the errors a deny-list would know: a refused write, then a bug
        DeliveryService flaky = inbox(() -> switch (attempts.incrementAndGet()) {
            case 1 -> Uni.createFrom().failure(new MongoWriteException(
                    new WriteError(121, "Document failed validation", new BsonDocument()), new ServerAddress(), Set.of()));
            case 2 -> Uni.createFrom().failure(new IllegalStateException("a bug"));
            case 3 -> { throw new NullPointerException("thrown, not failed"); }
            default -> Uni.createFrom().item(Boolean.TRUE);
        });

        consumer(flaky).consume(record(JSON.writeValueAsString(event()))).await().atMost(Duration.ofSeconds(10));

        assertThat(attempts).hasValue(4);
        assertThat(progress.oldestInProgressSeconds()).isZero();
    }

    @Test
    void onlyAnUnreadableRecordFailsAndItIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DeliveryService never = inbox(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().item(Boolean.TRUE);
        });

        assertThatThrownBy(() -> consumer(never).consume(record("not json")).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("not JSON");
        assertThat(attempts).hasValue(0);
        assertThat(progress.oldestInProgressSeconds()).isZero();
    }

    @Test
    void aRecordBeingRetriedShowsItsAgeAndHoldsTheLastSuccessTime() throws Exception {
        double lastSuccess = metrics.get("careline.consumer.last.success.timestamp.seconds").gauge().value();
        Uni<Void> stuck = consumer(inbox(() -> Uni.createFrom().failure(new IllegalStateException("store away"))))
                .consume(record(JSON.writeValueAsString(event())));

        var subscription = stuck.subscribe().with(done -> { }, failure -> { });
        Thread.sleep(1200);

        assertThat(metrics.get("careline.consumer.oldest.in.progress.age.seconds").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.get("careline.consumer.last.success.timestamp.seconds").gauge().value()).isEqualTo(lastSuccess);
        subscription.cancel();
        assertThat(progress.oldestInProgressSeconds()).isZero();
    }

    private ComplaintEventsConsumer consumer(DeliveryService inbox) {
        return new ComplaintEventsConsumer(new ComplaintEventReader(JSON), inbox, fastRetries(), progress);
    }

    private static DeliveryService inbox(Supplier<Uni<Boolean>> outcome) {
        return new DeliveryService(null, null, null, null, null, null, null, null) {
            @Override
            public Uni<Boolean> dispatch(EventEnvelope<?> event) {
                return outcome.get();
            }
        };
    }

    private static NotificationConfig fastRetries() {
        NotificationConfig.Retry retry = new NotificationConfig.Retry() {
            @Override
            public Duration initialBackOff() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxBackOff() {
                return Duration.ofMillis(50);
            }
        };
        return new NotificationConfig() {
            @Override
            public Retry retry() {
                return retry;
            }

            @Override
            public Mongo mongodb() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static EventEnvelope<ComplaintReceived> event() {
        Instant received = Instant.parse("2026-03-01T10:00:00Z");
        return EventEnvelope.of(ComplaintReceived.EVENT, "C-1001", received, new ComplaintReceived(UUID.randomUUID(),
                "CMP-00000001", "Charged twice", "BILLING", "APP", received, received.plus(Duration.ofHours(48))));
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("test.careline.complaint.v1", 0, 42L, "C-1001", value);
    }
}
