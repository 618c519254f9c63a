package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.ada;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.careline.customer.repository.CustomerRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The other services confirm an erasure with ErasureConfirmed v1 on their own topics; the customer service records each
 * once, ignores a service confirming on another's topic, and dead-letters only what it cannot read. The records are
 * sent as those services' relays send them: keyed by customer, the envelope as value, CloudEvents headers.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ErasureConfirmationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    CustomerRepository repository;

    @Test
    void eachServicesConfirmationIsRecordedOnceAndOnlyFromItsOwnTopic() throws Exception {
        String id = customerWith(freshPhone(), freshEmail());
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
        Instant impostorAt = Instant.parse("2026-11-23T06:00:00Z");
        Instant careAt = Instant.parse("2026-11-23T06:01:00Z");
        Instant complaintAt = Instant.parse("2026-11-23T06:02:00Z");

        try (KafkaProducer<String, String> producer = producer()) {
            // "complaint" on claim-care's topic: not complaint's to say; then claim-care's own, delivered twice
            send(producer, "test.careline.care.v1", id, confirmation(UUID.randomUUID(), id, "complaint", impostorAt));
            String care = confirmation(UUID.randomUUID(), id, "claim-care", careAt);
            send(producer, "test.careline.care.v1", id, care);
            send(producer, "test.careline.care.v1", id, care);
            // another event on that topic is none of the customer service's business
            send(producer, "test.careline.care.v1", id, "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"type\":\"ClaimReported\",\"version\":1,\"occurredAt\":\"" + careAt + "\",\"customerId\":\"" + id
                    + "\",\"data\":{}}", "io.careline.ClaimReported.v1");
            awaitStatus(id, status -> status.getBoolean("services.find { it.service == 'claim-care' }.confirmed"));

            send(producer, "test.careline.complaint.v1", id, confirmation(UUID.randomUUID(), id, "complaint", complaintAt));
            // an unreadable record, then a good one behind it in the same partition: the consumer goes on
            send(producer, "test.careline.notification.v1", id, "not an envelope {");
            send(producer, "test.careline.notification.v1", id, confirmation(UUID.randomUUID(), id, "notification", careAt));
        }

        JsonPath complete = awaitStatus(id, status -> "complete".equals(status.getString("status")));
        assertThat(complete.getString("services.find { it.service == 'complaint' }.confirmedAt")).isEqualTo(complaintAt.toString());
        assertThat(complete.getString("services.find { it.service == 'claim-care' }.confirmedAt")).isEqualTo(careAt.toString());
        assertThat(stored(repository, id).erasure.confirmations).hasSize(3);
        // every consumer of that topic (this one and the timeline's) dead-letters the unreadable record, and only it
        assertThat(deadLetters(id)).isNotEmpty().containsOnly("not an envelope {");
    }

    private static String confirmation(UUID eventId, String customerId, String service, Instant at) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"ErasureConfirmed\",\"version\":1,\"occurredAt\":\"" + at
                + "\",\"customerId\":\"" + customerId + "\",\"data\":{\"customerId\":\"" + customerId + "\",\"service\":\""
                + service + "\",\"at\":\"" + at + "\"}}";
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value) throws Exception {
        send(producer, topic, key, value, "io.careline.ErasureConfirmed.v1");
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value, String ceType)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static JsonPath awaitStatus(String id, Predicate<JsonPath> reached) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath status = given().auth().oauth2(ada()).when().get("/api/v1/customers/" + id + "/erasure").then()
                    .statusCode(200).extract().jsonPath();
            if (reached.test(status)) {
                return status;
            }
            assertThat(System.nanoTime()).as("erasure status of %s within %s: %s", id, PATIENCE, status.prettify())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The values dead-lettered for this key since this JVM started, read to the topic's end. */
    private static List<String> deadLetters(String key) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            String topic = "test.careline.customer.dlq";
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            long since = ManagementFactory.getRuntimeMXBean().getStartTime();
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> since)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(partition -> consumer.seek(partition,
                    from.get(partition) == null ? end.get(partition) : from.get(partition).offset()));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
