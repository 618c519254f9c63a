package io.careline.complaint;

import static io.careline.complaint.ComplaintTestSupport.complaintEventsMentioning;
import static io.careline.complaint.ComplaintTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The relay publishes in order, and an event the broker refuses holds back the ones after it. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Pool pool;

    @Test
    void eventsOfOneCustomerArePublishedInTheOrderTheyWereWritten() {
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            insert(UUID.randomUUID(), Topics.COMPLAINT, "{\"run\":\"" + run + "\",\"seq\":" + i + "}");
        }

        List<ConsumerRecord<String, String>> records = complaintEventsMentioning(run, 5);

        assertThat(records).extracting(r -> r.value().replaceAll(".*\"seq\": ?(\\d+).*", "$1"))
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("C-TEST");
    }

    @Test
    void anEventTheBrokerRefusesStaysAndHoldsBackTheEventsBehindIt() {
        String run = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        insert(first, Topics.COMPLAINT, "{\"run\":\"" + run + "\",\"seq\":0}");
        // the broker does not auto-create topics, so this one fails as a broker outage would
        insert(refused, "careline.no-such-topic", "{\"run\":\"" + run + "\",\"seq\":1}");
        insert(behind, Topics.COMPLAINT, "{\"run\":\"" + run + "\",\"seq\":2}");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(refused) >= 2);

            assertThat(published(first)).isTrue();
            assertThat(published(refused)).isFalse();
            assertThat(published(behind)).as("an event must not overtake the one before it").isFalse();
            assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE id = $1 AND last_error IS NOT NULL", refused))
                    .isEqualTo(1);
        } finally {
            pool.preparedQuery("DELETE FROM outbox_event WHERE id = $1").execute(Tuple.of(refused)).await().indefinitely();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> published(behind));
    }

    private void insert(UUID id, String topic, String payload) {
        pool.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at)
                VALUES ($1, $2, 'C-TEST', 'io.careline.Test.v1', $3::text::jsonb, $4)""")
                .execute(Tuple.of(id, topic, payload, OffsetDateTime.now())).await().indefinitely();
    }

    private long attempts(UUID id) {
        return count(pool, "SELECT attempts FROM outbox_event WHERE id = $1", id);
    }

    private boolean published(UUID id) {
        return count(pool, "SELECT count(*) FROM outbox_event WHERE id = $1 AND published_at IS NOT NULL", id) == 1;
    }
}
