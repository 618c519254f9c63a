package io.careline.e2e;

import static io.careline.testing.TraceIds.newSpanId;
import static io.careline.testing.TraceIds.newTraceId;
import static io.careline.testing.TraceIds.traceparent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The flow that proves the wiring, through the gateway as the mobile app uses it: a customer signs in
 * (authorization code + PKCE at Keycloak), files a complaint, the complaint service stores it with its event in
 * one transaction, the relay publishes it to Kafka, the notification service acknowledges it in the customer's
 * inbox exactly once, and the customer reads it.
 */
class ComplaintAcknowledgementIT {

    private static final String COMPLAINTS = "/api/v1/me/complaints";
    private static final String INBOX = "/api/v1/me/inbox";
    private static final String COMPLAINT_TOPIC = Platform.TOPIC_PREFIX + "careline.complaint.v1";
    /**
     * Longer than the relay's producer could hold a record itself (max.block.ms 5 s + delivery.timeout.ms 10 s, see
     * services/outbox): an event filed during an outage this long can only arrive because the outbox kept it.
     */
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(25);
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Platform.GATEWAY;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aFiledComplaintIsAcknowledgedInTheCustomersOwnInbox() {
        String subject = "Charged twice " + UUID.randomUUID();
        JsonPath filed = file("alice", subject).statusCode(201).extract().jsonPath();
        String complaintId = filed.getString("id");
        String reference = filed.getString("reference");

        Map<String, Object> acknowledgement = awaitAcknowledgement("alice", complaintId);
        assertThat(acknowledgement.toString()).contains(reference);

        // another customer's token never sees it, whatever they ask for
        assertThat(inboxComplaintIds("bob")).doesNotContain(complaintId);
        given().auth().oauth2(TOKENS.customer("bob")).get(COMPLAINTS + "/" + complaintId).then().statusCode(404);
        // and no token gets nothing
        given().get(INBOX).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType(ContentType.JSON).body(Map.of("category", "OTHER", "subject", "s", "description", "d"))
                .post(COMPLAINTS).then().statusCode(401);
    }

    @Test
    void oneTraceRunsFromTheRequestAtTheGatewayToTheInboxWrite() throws IOException {
        String traceId = newTraceId();
        String complaintId = given().auth().oauth2(TOKENS.customer("alice"))
                .header("traceparent", traceparent(traceId, newSpanId())).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "Traced " + UUID.randomUUID(), "description", "One trace"))
                .post(COMPLAINTS).then().statusCode(201).extract().path("id");
        awaitAcknowledgement("alice", complaintId);

        // the notification service wrote the acknowledgement in the trace the request started at the gateway: the trace
        // went through the complaint service, its outbox and Kafka
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readAllLines(Platform.NOTIFICATION_LOG))
                .filteredOn(line -> line.contains(complaintId) && line.contains("applied"))
                .singleElement().asString().contains("traceId=" + traceId));
    }


    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsFiled() {
        long before = complaintCount("alice");

        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "", "description", "empty subject"))
                .post(COMPLAINTS).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem("subject"));

        assertThat(complaintCount("alice")).isEqualTo(before);
    }

    @Test
    void theSameEventDeliveredTwiceLeavesOneAcknowledgement() {
        String first = file("alice", "Delivered twice " + UUID.randomUUID()).statusCode(201).extract().path("id");
        awaitAcknowledgement("alice", first);

        try (KafkaCompanion kafka = new KafkaCompanion(Platform.KAFKA)) {
            ConsumerRecord<String, String> event = findEvent(kafka, first);
            // deliver it again, exactly as the relay would after a crash before it recorded the first delivery
            ProducerRecord<String, String> again = new ProducerRecord<>(event.topic(), null, event.key(), event.value(), event.headers());
            kafka.produceStrings().fromRecords(List.of(again)).awaitCompletion(Duration.ofSeconds(30));
        }
        // same customer, same partition: once this one is acknowledged, the duplicate before it was consumed
        String second = file("alice", "After the duplicate " + UUID.randomUUID()).statusCode(201).extract().path("id");
        awaitAcknowledgement("alice", second);

        assertThat(inboxComplaintIds("alice")).filteredOn(first::equals).hasSize(1);
    }

    @Test
    void aComplaintFiledDuringALongBrokerOutageIsHeldInTheOutboxAndAcknowledgedWhenKafkaIsBack() {
        String complaintId;
        Platform.careline("stop", "kafka");
        try {
            complaintId = file("alice", "Filed during a broker outage " + UUID.randomUUID())
                    .statusCode(201).extract().path("id");
            given().auth().oauth2(TOKENS.customer("alice")).get(COMPLAINTS + "/" + complaintId)
                    .then().statusCode(200).body("id", equalTo(complaintId));
            // the event waits in the outbox for the whole outage, past the producer's own delivery timeout, and the
            // service stays ready throughout: filing a complaint needs PostgreSQL, not Kafka
            await().during(LONG_OUTAGE).atMost(LONG_OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pendingOutboxEvents() >= 1 && complaintServiceReady());
        } finally {
            Platform.careline("start", "kafka");
        }
        awaitAcknowledgement("alice", complaintId);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxEvents() == 0);
    }

    /** What the complaint service's metrics say is waiting in its outbox. */
    private static double pendingOutboxEvents() {
        String metrics = given().baseUri(Platform.COMPLAINT_SERVICE).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(line -> line.startsWith("careline_outbox_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no careline_outbox_pending metric"));
    }

    private static boolean complaintServiceReady() {
        return given().baseUri(Platform.COMPLAINT_SERVICE).get("/q/health/ready").statusCode() == 200;
    }

    private static io.restassured.response.ValidatableResponse file(String customer, String subject) {
        return given().auth().oauth2(TOKENS.customer(customer)).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", subject, "description", "Filed by the end-to-end test"))
                .post(COMPLAINTS).then();
    }

    private static long complaintCount(String customer) {
        return given().auth().oauth2(TOKENS.customer(customer)).get(COMPLAINTS).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static List<String> inboxComplaintIds(String customer) {
        return given().auth().oauth2(TOKENS.customer(customer)).queryParam("size", 100).get(INBOX)
                .then().statusCode(200).extract().jsonPath().getList("items.complaintId", String.class);
    }

    private static Map<String, Object> awaitAcknowledgement(String customer, String complaintId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().auth().oauth2(TOKENS.customer(customer)).queryParam("size", 100).get(INBOX)
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>> getList("items").stream()
                        .filter(item -> complaintId.equals(item.get("complaintId"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static ConsumerRecord<String, String> findEvent(KafkaCompanion kafka, String complaintId) {
        ConsumerTask<String, String> records = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(COMPLAINT_TOPIC);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> records.getRecords().stream().filter(r -> r.value().contains(complaintId)).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
        } finally {
            records.stop();
        }
    }
}
