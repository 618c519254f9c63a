package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.CAROL;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.TOKENS;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.carol;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.CustomerRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Surveys after visits and after a complaint is over (the complaint service's events, sent as its relay sends them),
 * the satisfaction score over time, its zones, and CustomerAtRisk once per entry into "at risk".
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class SatisfactionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    CustomerRepository repository;

    @Test
    void aComplaintThatIsOverOpensOneSurveyWhateverTheEventsSayingSo() throws Exception {
        String id = customerWith(freshPhone(), freshEmail());
        String complaint = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            // still in progress: no survey; then resolved (delivered twice), then closed: one survey
            send(producer, id, statusChanged(id, other, "RECEIVED", "IN_PROGRESS"), "ComplaintStatusChanged");
            String resolved = envelope(UUID.randomUUID(), "ComplaintResolved", id, "{\"complaintId\":\"" + complaint
                    + "\",\"reference\":\"CMP-2026-000042\",\"receivedAt\":\"2026-11-20T10:00:00Z\",\"resolvedAt\":\"2026-11-21T10:00:00Z\"}");
            send(producer, id, resolved, "ComplaintResolved");
            send(producer, id, resolved, "ComplaintResolved");
            send(producer, id, statusChanged(id, complaint, "RESOLVED", "CLOSED"), "ComplaintStatusChanged");
            // a customer this service does not know holds nothing up
            send(producer, "C-999997", statusChanged("C-999997", UUID.randomUUID().toString(), "RESOLVED", "CLOSED"),
                    "ComplaintStatusChanged");
            // the marker: once the other complaint is closed, everything before it was handled
            send(producer, id, statusChanged(id, other, "RESOLVED", "CLOSED"), "ComplaintStatusChanged");
        }
        JsonPath surveys = awaitSurveys(id, 2);
        assertThat(surveys.getList("items.ref")).containsExactlyInAnyOrder(complaint, other);
        assertThat(surveys.getString("items.find { it.ref == '" + complaint + "' }.label")).isEqualTo("CMP-2026-000042");
        assertThat(surveys.getString("items.find { it.ref == '" + complaint + "' }.about")).isEqualTo("complaint");
    }

    @Test
    void answersMakeAScoreOverTimeAndEnteringAtRiskIsAnnouncedOncePerEntry() {
        repository.deleteById(CAROL).await().indefinitely();
        Instant start = Instant.now();
        try {
            given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200);
            given().auth().oauth2(TOKENS.staff("sam")).contentType(ContentType.JSON).body(Map.of("officer", "agnes"))
                    .when().put("/api/v1/customers/" + CAROL + "/officer").then().statusCode(200);

            // scores 1-5 count 0, 25, 50, 75, 100; the score is the mean of the last five answers
            assertThat(answerAfterAVisit(5)).isEqualTo(List.of(100, "loyal"));
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(50, "indifferent"));
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(33, "at_risk"));
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(25, "at_risk"));
            assertThat(answerAfterAVisit(5)).isEqualTo(List.of(40, "at_risk")); // 5, 1, 1, 1, 5
            assertThat(answerAfterAVisit(5)).isEqualTo(List.of(40, "at_risk")); // 1, 1, 1, 5, 5
            assertThat(answerAfterAVisit(5)).isEqualTo(List.of(60, "indifferent")); // 1, 1, 5, 5, 5
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(60, "indifferent")); // 1, 5, 5, 5, 1
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(60, "indifferent")); // 5, 5, 5, 1, 1
            assertThat(answerAfterAVisit(1)).isEqualTo(List.of(40, "at_risk")); // 5, 5, 1, 1, 1: in again

            List<JsonNode> atRisk = since(start, events(repository, CAROL, "CustomerAtRisk"));
            assertThat(atRisk).hasSize(2);
            assertThat(atRisk.get(0).path("data").path("satisfaction").asInt()).isEqualTo(33);
            assertThat(atRisk.get(0).path("data").path("previousZone").asText()).isEqualTo("indifferent");
            assertThat(atRisk.get(0).path("data").path("officer").asText()).isEqualTo("agnes");
            assertThat(atRisk.get(1).path("data").path("previousZone").asText()).isEqualTo("indifferent");
            assertThat(since(start, events(repository, CAROL, "SurveyAnswered"))).hasSize(10);

            given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + CAROL + "/satisfaction").then().statusCode(200)
                    .body("score", equalTo(40)).body("zone", equalTo("at_risk"))
                    .body("history.score", equalTo(List.of(100, 50, 33, 25, 40, 40, 60, 60, 60, 40)));
        } finally {
            // carol is shared with other tests: her next request makes her profile again from her token
            repository.deleteById(CAROL).await().indefinitely();
        }
    }

    @Test
    void aSurveyIsAnsweredOnceWithAScoreFromOneToFive() {
        repository.deleteById(CAROL).await().indefinitely();
        try {
            given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200);
            given().auth().oauth2(TOKENS.staff("sam")).contentType(ContentType.JSON).body(Map.of("officer", "agnes"))
                    .when().put("/api/v1/customers/" + CAROL + "/officer").then().statusCode(200);
            String survey = openByAVisit();
            for (Object wrong : List.of(0, 6)) {
                given().auth().oauth2(carol()).contentType(ContentType.JSON).body(Map.of("score", wrong))
                        .when().post("/api/v1/me/surveys/" + survey).then().statusCode(400).contentType(PROBLEM)
                        .body("errors[0].field", equalTo("score"));
            }
            given().auth().oauth2(carol()).contentType(ContentType.JSON).body(Map.of("score", 4, "comment", "kind"))
                    .when().post("/api/v1/me/surveys/" + survey).then().statusCode(200).body("score", equalTo(4));
            given().auth().oauth2(carol()).contentType(ContentType.JSON).body(Map.of("score", 1))
                    .when().post("/api/v1/me/surveys/" + survey).then().statusCode(409).contentType(PROBLEM);
            // another customer's survey is none of bob's
            given().auth().oauth2(TOKENS.customer("bob")).contentType(ContentType.JSON).body(Map.of("score", 1))
                    .when().post("/api/v1/me/surveys/" + survey).then().statusCode(404).contentType(PROBLEM);
        } finally {
            repository.deleteById(CAROL).await().indefinitely();
        }
    }

    /** Carol's events of this test: other tests' carol (deleted and made again) shares her key. */
    private static List<JsonNode> since(Instant start, List<JsonNode> events) {
        return events.stream().filter(event -> !Instant.parse(event.path("occurredAt").asText()).isBefore(start)).toList();
    }

    /** An officer's visit opens a survey; carol answers it: her score and zone after the answer. */
    private static List<Object> answerAfterAVisit(int score) {
        String survey = openByAVisit();
        given().auth().oauth2(carol()).contentType(ContentType.JSON).body(Map.of("score", score))
                .when().post("/api/v1/me/surveys/" + survey).then().statusCode(200);
        JsonPath satisfaction = given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + CAROL + "/satisfaction")
                .then().statusCode(200).extract().jsonPath();
        return List.of(satisfaction.getInt("score"), satisfaction.getString("zone"));
    }

    private static String openByAVisit() {
        String visit = given().auth().oauth2(agnes()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(Map.of("question", "All well?", "answer", "Yes")),
                        "confirmation", Map.of("method", "verbal")))
                .when().post("/api/v1/customers/" + CAROL + "/visits").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(carol()).queryParam("size", 100).when().get("/api/v1/me/surveys").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.ref == '" + visit + "' }.id");
    }

    private static JsonPath awaitSurveys(String id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath surveys = given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + id + "/surveys").then()
                    .statusCode(200).extract().jsonPath();
            if (surveys.getList("items").size() >= count) {
                return surveys;
            }
            assertThat(System.nanoTime()).as("%d surveys of %s within %s", count, id, PATIENCE).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String statusChanged(String customerId, String complaintId, String from, String to) {
        return envelope(UUID.randomUUID(), "ComplaintStatusChanged", customerId, "{\"complaintId\":\"" + complaintId
                + "\",\"reference\":\"CMP-2026-000043\",\"fromStatus\":\"" + from + "\",\"toStatus\":\"" + to
                + "\",\"changedAt\":\"2026-11-21T10:00:00Z\"}");
    }

    private static String envelope(UUID id, String type, String customerId, String data) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + Instant.now()
                + "\",\"customerId\":\"" + customerId + "\",\"data\":" + data + "}";
    }

    private static void send(KafkaProducer<String, String> producer, String key, String value, String type) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("test.careline.complaint.v1", key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", ("io.careline." + type + ".v1").getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
