package io.careline.claimcare;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import io.careline.contracts.Topics;
import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Posts what partners post and reads what the service wrote where it wrote it: the real database and topic. */
final class CareTestSupport {

    static final KeycloakTokens TOKENS = KeycloakTokens.local();
    static final String PROBLEM = "application/problem+json";
    static final String CLAIMS = "/api/partner/v1/claims";
    static final KafkaCompanion KAFKA = new KafkaCompanion("127.0.0.1:9092");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private CareTestSupport() {
    }

    static String uniqueRef(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static ValidatableResponse partnerPost(String path, Map<String, Object> body) {
        return given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    static Map<String, Object> reported(String claimRef, String customerId, Instant at, boolean greenChannel) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", "rep-" + claimRef);
        body.put("claimRef", claimRef);
        body.put("customerId", customerId);
        body.put("occurredAt", at.toString());
        body.put("greenChannel", greenChannel);
        body.put("description", "test claim " + claimRef);
        return body;
    }

    static Map<String, Object> step(String eventId, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", eventId);
        body.put("occurredAt", at.toString());
        return body;
    }

    static Map<String, Object> assessed(String eventId, Instant at, String amount) {
        Map<String, Object> body = step(eventId, at);
        body.put("amount", Double.valueOf(amount));
        body.put("currency", "EUR");
        return body;
    }

    static Map<String, Object> paid(String eventId, Instant at, Map<String, Object> beneficiary) {
        Map<String, Object> body = assessed(eventId, at, "1250.00");
        body.put("beneficiary", beneficiary);
        return body;
    }

    /** An adult with no health condition: not eligible for care. */
    static Map<String, Object> healthyAdult() {
        return beneficiary("Tom Healthy", LocalDate.now().minusYears(40), "SELF", List.of(), null, null);
    }

    static Map<String, Object> beneficiary(String name, LocalDate born, String relationship, List<String> conditions,
            String notes, String guardian) {
        Map<String, Object> person = new HashMap<>();
        person.put("fullName", name);
        person.put("dateOfBirth", born.toString());
        person.put("relationship", relationship);
        person.put("region", "north");
        person.put("language", "de");
        person.put("healthConditions", conditions);
        if (notes != null) {
            person.put("healthNotes", notes);
        }
        if (guardian != null) {
            person.put("guardianName", guardian);
        }
        return person;
    }

    /** A person proposed for care after their claim was paid, living in the region and speaking the language. */
    static UUID proposed(Pool pool, String customerId, String region, String language, LocalDate born, List<String> conditions) {
        Map<String, Object> person = beneficiary("Person " + region, born, "SELF", conditions, null, null);
        person.put("region", region);
        person.put("language", language);
        String claimId = paidClaim(uniqueRef("ACME"), customerId, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(20), false, person);
        return beneficiaryOfClaim(pool, claimId);
    }

    /** Consent recorded by a coordinator: the beneficiary's own, or a guardian's for a minor. */
    static void consented(UUID beneficiaryId, boolean minor) {
        Map<String, String> body = minor ? Map.of("decision", "GIVEN", "givenBy", "GUARDIAN", "guardianName", "Guardian")
                : Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY");
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/care/beneficiaries/" + beneficiaryId + "/consent").then().statusCode(200);
    }

    /** A volunteer registered by a coordinator through the API; their id. */
    static UUID registered(String name, String region, List<String> languages, List<String> skills, int capacity,
            LocalDate trainingExpires, LocalDate checkExpires) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", name);
        body.put("kind", "PUBLIC");
        body.put("region", region);
        body.put("languages", languages);
        body.put("skills", skills);
        body.put("capacity", capacity);
        body.put("trainingExpiresOn", trainingExpires == null ? null : trainingExpires.toString());
        body.put("backgroundCheckExpiresOn", checkExpires == null ? null : checkExpires.toString());
        return UUID.fromString(given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/care/volunteers").then().statusCode(201).extract().path("id"));
    }

    static ValidatableResponse assignVia(UUID beneficiaryId, UUID volunteerId, String safeguarding) {
        Map<String, Object> body = new HashMap<>();
        body.put("volunteerId", volunteerId.toString());
        if (safeguarding != null) {
            body.put("safeguarding", safeguarding);
        }
        return given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/care/beneficiaries/" + beneficiaryId + "/assignments").then();
    }

    /** Reports, visits and pays a claim for the customer: visit at {@code visit}, paid {@code toPayment} later. */
    static String paidClaim(String claimRef, String customerId, Instant visit, Duration toPayment, boolean green,
            Map<String, Object> beneficiary) {
        String id = partnerPost(CLAIMS, reported(claimRef, customerId, visit.minus(Duration.ofHours(1)), green))
                .statusCode(201).extract().path("id");
        partnerPost(CLAIMS + "/" + claimRef + "/documents-collected", step("doc-" + claimRef, visit)).statusCode(200);
        partnerPost(CLAIMS + "/" + claimRef + "/payment", paid("pay-" + claimRef, visit.plus(toPayment), beneficiary))
                .statusCode(200);
        return id;
    }

    static long count(Pool pool, String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    static List<Row> rows(Pool pool, String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT).forEach(rows::add);
        return rows;
    }

    static void execute(Pool pool, String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT);
    }

    /** A claim under another partner, written straight to the database (the demo realm has one partner client). */
    static UUID otherPartnersClaim(Pool pool, String partnerId, String claimRef, String customerId) {
        UUID id = UUID.randomUUID();
        execute(pool, """
                INSERT INTO claim (id, partner_id, partner_claim_ref, customer_id, status, reported_at)
                VALUES ($1, $2, $3, $4, 'REPORTED', $5)""", id, partnerId, claimRef, customerId,
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
        return id;
    }

    /** A volunteer who signs in as {@code username}, created once; their id. */
    static UUID volunteer(Pool pool, String username) {
        execute(pool, """
                INSERT INTO volunteer (id, username, full_name, kind, region, languages, skills, capacity,
                    training_expires_on, background_check_expires_on, status, enrolled_at)
                VALUES ($1, $2, $3, 'STAFF', 'north', 'de,en', 'visits', 50, $4, $4, 'ACTIVE', now())
                ON CONFLICT (username) DO NOTHING""", UUID.randomUUID(), username, "Volunteer " + username,
                LocalDate.now().plusYears(1));
        return rows(pool, "SELECT id FROM volunteer WHERE username = $1", username).get(0).getUUID("id");
    }

    static void assign(Pool pool, UUID beneficiaryId, UUID volunteerId) {
        execute(pool, """
                INSERT INTO assignment (id, beneficiary_id, volunteer_id, assigned_at, assigned_by)
                VALUES ($1, $2, $3, now(), 'test')""", UUID.randomUUID(), beneficiaryId, volunteerId);
    }

    static UUID beneficiaryOfClaim(Pool pool, String claimId) {
        List<Row> found = rows(pool, "SELECT id FROM beneficiary WHERE claim_id = $1", UUID.fromString(claimId));
        return found.isEmpty() ? null : found.get(0).getUUID("id");
    }

    /** The records on the care topic whose value mentions the marker, once there are at least {@code expected}. */
    static List<ConsumerRecord<String, String>> careEventsMentioning(String marker, int expected) {
        ConsumerTask<String, String> records = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("test." + Topics.CARE);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> records.getRecords().stream().filter(r -> r.value().contains(marker)).toList(),
                    found -> found.size() >= expected);
        } finally {
            records.stop();
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
