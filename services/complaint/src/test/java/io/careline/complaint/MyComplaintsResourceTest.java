package io.careline.complaint;

import static io.careline.complaint.ComplaintTestSupport.awaitBlockedOnHeldRow;
import static io.careline.complaint.ComplaintTestSupport.awaitComplaintEvent;
import static io.careline.complaint.ComplaintTestSupport.holdComplaint;
import static io.careline.complaint.ComplaintTestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.ComplaintTestSupport.HeldComplaint;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.service.ComplaintReferences;
import io.careline.complaint.service.FileComplaint;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** Filing and reading one's own complaints, with real tokens, the real database and the real broker. */
@QuarkusTest
class MyComplaintsResourceTest {

    private static final String PATH = "/api/v1/me/complaints";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Test
    void customerFilesAComplaintAndItsEventIsPublishedKeyedByCustomer() throws Exception {
        String subject = "Charged twice " + UUID.randomUUID();
        Instant before = Instant.now();

        String id = file("alice", Map.of("category", "BILLING", "subject", subject, "description", "Twice in October"))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/me/complaints/[0-9a-f-]{36}"))
                .body("reference", matchesPattern("CMP-[2-9A-HJKMNP-Z]{8}"))
                .body("subject", equalTo(subject))
                .body("channel", equalTo("APP"))
                .body("status", equalTo("ACKNOWLEDGED")) // acknowledged by the system as it is filed
                .extract().path("id");

        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE id = $1 AND customer_id = 'C-1001'", UUID.fromString(id)))
                .isEqualTo(1);

        ConsumerRecord<String, String> record = awaitComplaintEvent(id);
        assertThat(record.key()).isEqualTo("C-1001");
        assertThat(header(record, "ce_type")).isEqualTo("io.careline.ComplaintReceived.v1");
        assertThat(header(record, "ce_subject")).isEqualTo("C-1001");
        JsonNode envelope = json.readTree(record.value());
        assertThat(header(record, "ce_id")).isEqualTo(envelope.get("id").asText());
        assertThat(envelope.get("type").asText()).isEqualTo("ComplaintReceived");
        assertThat(envelope.get("customerId").asText()).isEqualTo("C-1001");
        JsonNode data = envelope.get("data");
        assertThat(data.get("subject").asText()).isEqualTo(subject);
        Instant received = Instant.parse(data.get("receivedAt").asText());
        assertThat(received).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(Duration.between(received, Instant.parse(data.get("firstReplyDueAt").asText()))).isEqualTo(Duration.ofHours(48));

        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE payload->'data'->>'complaintId' = $1 AND event_type = 'io.careline.ComplaintReceived.v1' AND published_at IS NOT NULL", id))
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        long complaints = count(pool, "SELECT count(*) FROM complaint");
        long events = count(pool, "SELECT count(*) FROM outbox_event");

        file("alice", Map.of("category", "BILLING", "subject", "  ", "description", "x"))
                .statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("subject"));
        file("alice", Map.of("category", "WEATHER", "subject", "s", "description", "x"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", startsWith("must be one of BILLING"));
        file("alice", Map.of("category", "BILLING", "subject", "s", "description", "x".repeat(5001)))
                .statusCode(400).body("errors.field", hasItem("description"));
        file("alice", Map.of("category", "BILLING", "subject", "s", "descripton", "typo"))
                .statusCode(400).body("errors[0].field", equalTo("descripton"));
        file("alice", Map.of("category", "BILLING", "subject", "s", "description", "x", "customerId", "C-1002"))
                .statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON).body("{\"category\": ")
                .post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .post(PATH).then().statusCode(400).contentType("application/problem+json");

        assertThat(count(pool, "SELECT count(*) FROM complaint")).isEqualTo(complaints);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event")).isEqualTo(events);
    }

    @Test
    void anOversizedBodyIsRefused() {
        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .body("{\"category\":\"BILLING\",\"subject\":\"s\",\"description\":\"" + "x".repeat(70_000) + "\"}")
                .post(PATH).then().statusCode(413);
    }

    @Test
    void callersWithoutAValidCustomerTokenAreTurnedAway() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.staff("agnes")).get(PATH).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "s", "description", "d"))
                .post(PATH).then().statusCode(403);
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersComplaint() {
        String bobs = file("bob", Map.of("category", "NETWORK", "subject", "No signal", "description", "At home"))
                .statusCode(201).extract().path("id");

        given().auth().oauth2(TOKENS.customer("alice")).get(PATH + "/" + bobs)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("size", 100).get(PATH)
                .then().statusCode(200).body("items.id", not(hasItem(bobs)));
        given().auth().oauth2(TOKENS.customer("bob")).get(PATH + "/" + bobs)
                .then().statusCode(200).body("id", equalTo(bobs));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOnce() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, String> body = Map.of("category", "SERVICE", "subject", "Rude shop assistant", "description", "Tuesday");

        String first = given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        String again = given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        // the key is the customer's own: another customer using the same one files their own complaint
        String bobs = given().auth().oauth2(TOKENS.customer("bob")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(PATH)
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(bobs).isNotEqualTo(first);
        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE idempotency_key = $1", key)).isEqualTo(2);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE payload->'data'->>'complaintId' = $1 AND event_type = 'io.careline.ComplaintReceived.v1'", first)).isEqualTo(1);
    }

    @Test
    void aRequestRacingTheFirstWithTheSameKeyAnswersWithTheFirstComplaint() throws Exception {
        String key = "race-" + UUID.randomUUID();
        Map<String, String> body = Map.of("category", "BILLING", "subject", "Sent from two taps", "description", "d");
        // the first request's transaction, held open: its row is written, not yet committed
        HeldComplaint first = holdComplaint(json, FileComplaint.byCustomer("C-1001", "APP", Category.BILLING,
                "Sent from two taps", "d", key));
        CompletableFuture<Response> second;
        try {
            second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TOKENS.customer("alice"))
                    .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(PATH));
            // the second request has found no committed complaint and now waits on the unique index
            awaitBlockedOnHeldRow(pool);
            first.commit();
        } catch (RuntimeException e) {
            first.rollback();
            throw e;
        }

        Response answer = second.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(answer.<String> path("id")).isEqualTo(first.id().toString());
        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE idempotency_key = $1", key)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event o JOIN complaint c ON o.payload->'data'->>'complaintId' = c.id::text "
                    + "AND o.event_type = 'io.careline.ComplaintReceived.v1' "
                + "WHERE c.idempotency_key = $1", key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentComplaintIsRefusedNamingTheHeader() {
        String key = "reuse-" + UUID.randomUUID();
        given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "Charged twice", "description", "October"))
                .post(PATH).then().statusCode(201);

        given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "Charged twice", "description", "November"))
                .post(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        // stripped as it is stored, the same complaint is a retry
        given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", " Charged twice ", "description", "October"))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true");

        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE idempotency_key = $1", key)).isEqualTo(1);
    }

    @Test
    void aReferenceAlreadyTakenIsDrawnAgain() {
        String taken = file("bob", Map.of("category", "OTHER", "subject", "first", "description", "d"))
                .statusCode(201).extract().path("reference");
        ComplaintReferences random = new ComplaintReferences();
        Iterator<String> draws = List.of(taken).iterator();
        QuarkusMock.installMockForType(new ComplaintReferences() {
            @Override
            public String next() {
                return draws.hasNext() ? draws.next() : random.next();
            }
        }, ComplaintReferences.class);

        String reference = given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", "ref-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(Map.of("category", "OTHER", "subject", "second", "description", "d"))
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("reference");

        assertThat(draws.hasNext()).as("the taken reference was drawn first").isFalse();
        assertThat(reference).isNotEqualTo(taken);
        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE reference = $1", taken)).isEqualTo(1);
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        given().auth().oauth2(TOKENS.customer("alice")).header("Idempotency-Key", "x".repeat(101))
                .contentType(ContentType.JSON).body(Map.of("category", "OTHER", "subject", "s", "description", "d"))
                .post(PATH).then().statusCode(400).body("errors[0].field", equalTo("idempotencyKey"));
    }

    @Test
    void listsArePagedNewestFirstAndBounded() {
        for (int i = 0; i < 3; i++) {
            file("alice", Map.of("category", "OTHER", "subject", "paging " + i, "description", "d")).statusCode(201);
        }
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("size", 2).get(PATH)
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("size", equalTo(2))
                .body("items[0].subject", equalTo("paging 2"))
                .body("items[1].subject", equalTo("paging 1"))
                .body("items.customerId", everyItem(equalTo(null)));
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("size", 101).get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("page", -1).get(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    private static ValidatableResponse file(String customer, Map<String, String> body) {
        return given().auth().oauth2(TOKENS.customer(customer)).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
