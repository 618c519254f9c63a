package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.repository.InboxMessageRepository;
import io.careline.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * What the tests share: the real broker (on the tests' own topics, careline.kafka.topic-prefix "test."), real tokens,
 * a Mongo-wire server of their own ({@link InProcessMongo}, empty at the start of each run), and the inbox as the API
 * shows it. Every test uses complaint ids of its own, so tests do not see each other's messages.
 */
abstract class InboxTestBase {

    static final String ALICE = "C-1001";
    static final String BOB = "C-1002";
    static final Duration PROCESSED = Duration.ofSeconds(30);

    static KafkaCompanion kafka;

    @Inject
    ObjectMapper json;

    @Inject
    InboxMessageRepository repository;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaCompanion("127.0.0.1:9092");
    }

    @AfterAll
    static void closeKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The complaint topic the application consumes (the tests' own, test.careline.complaint.v1). */
    static String topic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.complaint-events.topic", String.class);
    }

    /** Its dead-letter topic (test.careline.notification.dlq). */
    static String deadLetterTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.complaint-events.dead-letter-queue.topic", String.class);
    }

    static String alice() {
        return KeycloakTokens.local().customer("alice");
    }

    static String bob() {
        return KeycloakTokens.local().customer("bob");
    }

    static String agnes() {
        return KeycloakTokens.local().staff("agnes");
    }

    static EventEnvelope<ComplaintReceived> complaintReceived(String customerId, String subject) {
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return EventEnvelope.of(ComplaintReceived.EVENT, customerId, received, new ComplaintReceived(UUID.randomUUID(),
                reference(), subject, "BILLING", "APP", received, received.plus(Duration.ofHours(48))));
    }

    static String reference() {
        return "CMP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As the complaint service's relay publishes: key = customer id, value = the envelope's JSON, CloudEvents
     * attributes in binary mode (ce_* headers).
     */
    void publish(EventEnvelope<?> envelope) {
        publish(envelope, toJson(envelope));
    }

    /** The envelope's record with another value, e.g. the envelope's JSON with a field removed. */
    void publish(EventEnvelope<?> envelope, String value) {
        Headers headers = new RecordHeaders()
                .add("ce_specversion", utf8("1.0"))
                .add("ce_id", utf8(envelope.id().toString()))
                .add("ce_type", utf8("io.careline." + envelope.type() + ".v" + envelope.version()))
                .add("ce_source", utf8("/careline/complaint"))
                .add("ce_subject", utf8(envelope.customerId()))
                .add("ce_time", utf8(envelope.occurredAt().toString()))
                .add("content-type", utf8("application/json"));
        publish(new ProducerRecord<>(topic(), null, envelope.customerId(), value, headers));
    }

    /** A record with no headers at all. */
    static void publishRaw(String key, String value) {
        publish(new ProducerRecord<>(topic(), key, value));
    }

    static void publish(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(15));
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for a record with exactly this value on the dead-letter topic. */
    static ConsumerRecord<String, String> awaitDeadLetter(String value) {
        return await().atMost(PROCESSED)
                .until(() -> deadLetterRecords().stream().filter(record -> value.equals(record.value())).findFirst(),
                        Optional::isPresent)
                .get();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Everything on the dead-letter topic now, read from its beginning for a few seconds. */
    static List<ConsumerRecord<String, String>> deadLetterRecords() {
        try (ConsumerTask<String, String> records = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Set.of(deadLetterTopic()), Duration.ofSeconds(5))) {
            return records.awaitCompletion(Duration.ofSeconds(15)).getRecords();
        }
    }

    /** The values of everything on the dead-letter topic now. */
    static List<String> deadLetters() {
        return deadLetterRecords().stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList();
    }

    /** A page of the caller's inbox, as JSON. */
    static JsonPath inbox(String token, int size) {
        return given().auth().oauth2(token).queryParam("size", size)
                .when().get("/api/v1/me/inbox")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The caller's messages about one complaint (from the newest 100; each test's complaints are fresh). */
    static List<Map<String, Object>> messagesAbout(String token, UUID complaintId) {
        return inbox(token, 100).getList("items.findAll { it.complaintId == '" + complaintId + "' }");
    }

    /** Waits until the caller's inbox shows a message about this complaint, and returns the first. */
    static Map<String, Object> awaitMessageAbout(String token, UUID complaintId) {
        return await().atMost(PROCESSED).pollInterval(Duration.ofMillis(200))
                .until(() -> messagesAbout(token, complaintId), messages -> !messages.isEmpty())
                .get(0);
    }
}
