package io.careline.complaint;

import static io.careline.complaint.OutboxTestSupport.COMPLAINT_TOPIC;
import static io.careline.complaint.OutboxTestSupport.recordsMentioning;
import static io.careline.complaint.OutboxTestSupport.sequencesByKey;
import static io.careline.complaint.OutboxTestSupport.unpublished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.careline.outbox.OutboxRelay;
import io.careline.outbox.OutboxRelayFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two relays on one database, as two replicas would run: only the lock holder publishes, the other takes over when it
 * stops, and every event reaches the topic exactly once, in order per key.
 */
@QuarkusTest
class OutboxRelayExclusionTest {

    @Inject
    Pool pool;

    @Inject
    OutboxRelay applicationRelay;

    @Inject
    OutboxRelayFactory factory;

    @Test
    void oneRelayPublishesAtATimeAndTheOtherTakesOverWhenItStops() {
        String run = UUID.randomUUID().toString();
        OutboxRelay second = factory.create();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(applicationRelay::isActive);
            insertEvents(run, 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(pool, run) == 0);
            assertThat(second.isActive()).as("the second relay never held the lock").isFalse();

            applicationRelay.stop(); // as a replica shutting down: it finishes its pass and releases the lock
            assertThat(applicationRelay.isActive()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(second::isActive);
            insertEvents(run, 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(pool, run) == 0);
        } finally {
            second.stop();
            applicationRelay.start();
        }

        List<ConsumerRecord<String, String>> records = recordsMentioning(COMPLAINT_TOPIC, run);
        assertThat(records).as("every event exactly once").hasSize(4 * 400);
        Map<String, List<Integer>> byKey = sequencesByKey(records);
        assertThat(byKey).hasSize(4);
        byKey.values().forEach(sequence -> assertThat(sequence).containsExactlyElementsOf(IntStream.range(0, 400).boxed().toList()));
        await().atMost(Duration.ofSeconds(30)).until(applicationRelay::isActive);
    }

    /** 200 events for each of 4 keys, interleaved, numbered from {@code from}. */
    private void insertEvents(String run, int from) {
        pool.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at)
                SELECT gen_random_uuid(), $1, $2 || '-' || (i % 4), 'io.careline.Test.v1',
                       jsonb_build_object('run', $2, 'seq', $3 + i / 4), now()
                FROM generate_series(0, 799) AS i""")
                .execute(Tuple.of(Topics.COMPLAINT, run, from)).await().atMost(Duration.ofSeconds(10));
    }
}
