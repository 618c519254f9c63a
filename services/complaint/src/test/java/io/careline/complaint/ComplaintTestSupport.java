package io.careline.complaint;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import io.careline.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads what the service wrote where it wrote it: the real database and the real topic. */
final class ComplaintTestSupport {

    static final KafkaCompanion KAFKA = new KafkaCompanion("127.0.0.1:9092");

    private ComplaintTestSupport() {
    }

    static long count(Pool pool, String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** The first record on the complaint topic whose value mentions the marker (a complaint id, say). */
    static ConsumerRecord<String, String> awaitComplaintEvent(String marker) {
        return complaintEventsMentioning(marker, 1).get(0);
    }

    /** The records on the complaint topic whose value mentions the marker, once there are at least {@code expected}. */
    static List<ConsumerRecord<String, String>> complaintEventsMentioning(String marker, int expected) {
        ConsumerTask<String, String> records = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.COMPLAINT);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> records.getRecords().stream().filter(r -> r.value().contains(marker)).toList(),
                    found -> found.size() >= expected);
        } finally {
            records.stop();
        }
    }
}
