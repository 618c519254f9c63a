package io.careline.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.careline.contracts.Topics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes outbox rows as a service would, and reads back what the relay put on the (test.) topics. */
final class OutboxTestSupport {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    /** Where the relay publishes under the test profile's topic prefix. */
    static final String COMPLAINT_TOPIC = "test." + Topics.COMPLAINT;

    private OutboxTestSupport() {
    }

    /** Inserts an event for the (unprefixed) topic, as EventOutbox would. */
    static void insert(Pool pool, UUID id, String topic, String key, String payload) {
        pool.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at)
                VALUES ($1, $2, $3, 'io.careline.Test.v1', $4::text::jsonb, $5)""")
                .execute(Tuple.of(id, topic, key, payload, OffsetDateTime.now())).await().atMost(Duration.ofSeconds(10));
    }

    static Row row(Pool pool, UUID id) {
        return pool.preparedQuery("SELECT * FROM outbox_event WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    static boolean published(Pool pool, UUID id) {
        return row(pool, id).getOffsetDateTime("published_at") != null;
    }

    /** Unpublished events of this run (their payload's "run"), 0 once the relay marked them all. */
    static long unpublished(Pool pool, String run) {
        return pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE payload->>'run' = $1 AND published_at IS NULL")
                .execute(Tuple.of(run)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /**
     * Every record of the topic up to its current end whose value mentions the marker, in partition order. Call it
     * once the relay has marked the events published: the broker acknowledged them, so they are all there.
     */
    static List<ConsumerRecord<String, String>> recordsMentioning(String topic, String marker) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition())) && record.value().contains(marker)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The "seq" of each record, per key, in the order the records sit on the topic (one key is one partition). */
    static Map<String, List<Integer>> sequencesByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.value().replaceAll(".*\"seq\": ?(\\d+).*", "$1")));
        }
        return byKey;
    }
}
