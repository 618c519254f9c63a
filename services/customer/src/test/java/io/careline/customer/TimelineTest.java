package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.ada;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The 360° timeline from every service's events (sent as their relays send them) and this service's own: once per
 * event id, newest first, keyset-paginated, unknown types kept, personal text left out, and erased with the customer.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class TimelineTest {

    /** The first run of a new consumer group reads the test topics' history first. */
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Test
    void everyServicesEventsMakeOneTimelineNewestFirstOncePerEventWithoutPersonalText() throws Exception {
        String id = customerWith(freshPhone(), freshEmail());
        given().auth().oauth2(agnes()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", "marketing", "channel", "sms", "granted", true))))
                .when().put("/api/v1/customers/" + id + "/consents").then().statusCode(200);
        Instant now = Instant.now();
        String received = envelope(UUID.randomUUID(), "ComplaintReceived", id, now.minusSeconds(240),
                "{\"complaintId\":\"" + UUID.randomUUID() + "\",\"reference\":\"CMP-1\",\"subject\":\"my private words\"}");
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "test.careline.complaint.v1", id, received);
            send(producer, "test.careline.complaint.v1", id, received); // delivered twice
            send(producer, "test.careline.care.v1", id, envelope(UUID.randomUUID(), "ClaimReported", id, now.minusSeconds(180),
                    "{\"claimId\":\"CL-9\"}"));
            send(producer, "test.careline.notification.v1", id, envelope(UUID.randomUUID(), "SomethingNew", id,
                    now.minusSeconds(120), "{\"channel\":\"sms\",\"text\":\"hello\"}"));
        }

        List<Map<String, Object>> all = await(id, entries -> types(entries).containsAll(
                List.of("CustomerProfileChanged", "ConsentChanged", "ComplaintReceived", "ClaimReported", "SomethingNew")))
                .getList("items");
        assertThat(types(all).stream().filter("ComplaintReceived"::equals)).hasSize(1);
        assertThat(all).extracting(entry -> Instant.parse((String) entry.get("at"))).isSortedAccordingTo(Comparator.reverseOrder());
        Map<String, Object> complaint = find(all, "ComplaintReceived");
        assertThat(complaint.get("source")).isEqualTo("complaint");
        assertThat(data(complaint)).containsEntry("reference", "CMP-1").doesNotContainKey("subject");
        Map<String, Object> unknown = find(all, "SomethingNew");
        assertThat(unknown.get("source")).isEqualTo("notification");
        assertThat(data(unknown)).containsEntry("channel", "sms").doesNotContainKey("text");
        assertThat(data(find(all, "CustomerProfileChanged"))).doesNotContainKeys("displayName", "phones", "emails");

        // pages of two, each starting where the last ended, make the whole timeline
        List<Object> paged = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(agnes()).queryParam("size", 2);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page.getList("items.id"));
            after = page.getString("next");
        } while (after != null);
        assertThat(paged).isEqualTo(all.stream().map(entry -> entry.get("id")).toList());
    }

    @Test
    void erasureLeavesOnlyWhatHappenedWhenInTheTimelineEvenForAnEventArrivingAfterIt() throws Exception {
        String id = customerWith(freshPhone(), freshEmail());
        await(id, entries -> types(entries).contains("CustomerProfileChanged"));
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
        await(id, entries -> types(entries).contains("CustomerErased"));
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "test.careline.care.v1", id, envelope(UUID.randomUUID(), "ClaimReported", id, Instant.now(),
                    "{\"claimId\":\"CL-10\"}"));
        }
        List<Map<String, Object>> all = await(id, entries -> types(entries).contains("ClaimReported")).getList("items");
        assertThat(all).allSatisfy(entry -> {
            assertThat(entry.get("erased")).isEqualTo(true);
            assertThat(entry).doesNotContainKey("data");
        });
    }

    @Test
    void aPositionThisServiceDidNotGiveAndASizeOutOfRangeAreRefusedNamingThem() {
        given().auth().oauth2(agnes()).queryParam("after", "not-a-position!")
                .when().get("/api/v1/customers/C-1001/timeline").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("after"));
        given().auth().oauth2(agnes()).queryParam("size", 101)
                .when().get("/api/v1/customers/C-1001/timeline").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("data");
    }

    private static List<String> types(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> (String) entry.get("type")).toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> entries, String type) {
        return entries.stream().filter(entry -> type.equals(entry.get("type"))).findFirst().orElseThrow();
    }

    private static JsonPath await(String id, Predicate<List<Map<String, Object>>> reached) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath page = given().auth().oauth2(agnes()).queryParam("size", 100)
                    .when().get("/api/v1/customers/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
            if (reached.test(page.getList("items"))) {
                return page;
            }
            assertThat(System.nanoTime()).as("timeline of %s within %s: %s", id, PATIENCE, page.prettify()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String envelope(UUID eventId, String type, String customerId, Instant at, String data) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + at
                + "\",\"customerId\":\"" + customerId + "\",\"data\":" + data + "}";
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
