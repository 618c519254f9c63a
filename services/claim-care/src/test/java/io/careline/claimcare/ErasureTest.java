package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.KAFKA;
import static io.careline.claimcare.CareTestSupport.assignVia;
import static io.careline.claimcare.CareTestSupport.careEventsMentioning;
import static io.careline.claimcare.CareTestSupport.consented;
import static io.careline.claimcare.CareTestSupport.count;
import static io.careline.claimcare.CareTestSupport.proposed;
import static io.careline.claimcare.CareTestSupport.rows;
import static io.careline.claimcare.CareTestSupport.volunteer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Erasure requests from careline.customer.v1: pseudonymised once per event id, statistics kept, unreadable to the DLQ. */
@QuarkusTest
class ErasureTest {

    private static final String TOPIC = "test." + Topics.CUSTOMER;
    private static final String DLQ = "test.careline.care.dlq";

    @Inject
    Pool pool;

    private static void send(String key, String ceType, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, null, key, value);
        if (ceType != null) {
            record.headers().add(new RecordHeader("ce_type", ceType.getBytes(StandardCharsets.UTF_8)));
        }
        KAFKA.produceStrings().fromRecords(List.of(record)).awaitCompletion(Duration.ofSeconds(30));
    }

    private static String erased(UUID eventId, String customerId) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"CustomerErased\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"customerId\":\"" + customerId + "\",\"data\":{}}";
    }

    @Test
    void anErasedCustomerIsPseudonymisedOnceAndTheStatisticsStay() {
        String customer = "C-E" + UUID.randomUUID().toString().substring(0, 8);
        String region = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = proposed(pool, customer, region, "de", LocalDate.now().minusYears(80), List.of("CHRONIC_ILLNESS"));
        consented(person, false);
        assignVia(person, volunteer(pool, "victor"), null).statusCode(201);
        given().auth().oauth2(CareTestSupport.TOKENS.staff("victor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "VISIT", "occurredAt", Instant.now().toString(), "durationMinutes", 30,
                        "notes", "talked about her late husband"))
                .when().post("/api/v1/care/beneficiaries/" + person + "/activities").then().statusCode(201);
        long facts = count(pool, "SELECT count(*) FROM eligibility_fact WHERE region = $1", region);

        UUID eventId = UUID.randomUUID();
        send(customer, "io.careline.CustomerErased.v1", erased(eventId, customer));

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(pool,
                "SELECT 1 FROM beneficiary WHERE id = $1 AND pseudonymised_at IS NOT NULL", person).isEmpty());
        Row row = rows(pool, "SELECT customer_id, full_name, date_of_birth, health_cipher, status, region FROM beneficiary "
                + "WHERE id = $1", person).get(0);
        String pseudonym = row.getString("customer_id");
        assertThat(pseudonym).startsWith("ERASED-").doesNotContain(customer);
        assertThat(row.getString("full_name")).isEqualTo("(erased)");
        assertThat(row.getValue("date_of_birth")).isNull();
        assertThat(row.getValue("health_cipher")).isNull();
        assertThat(row.getString("status")).isEqualTo("IN_CARE");
        assertThat(count(pool, "SELECT count(*) FROM claim WHERE customer_id = $1", customer)).isZero();
        assertThat(count(pool, "SELECT count(*) FROM claim WHERE customer_id = $1", pseudonym)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM activity WHERE beneficiary_id = $1 AND notes IS NULL", person)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM eligibility_fact WHERE region = $1", region)).isEqualTo(facts);
        given().auth().oauth2(CareTestSupport.TOKENS.staff("cora")).when().get("/api/v1/care/beneficiaries/" + person + "/health")
                .then().statusCode(410);

        // the same event again, after the customer came back with a new claim: not applied twice
        UUID comeback = proposed(pool, customer, region, "de", LocalDate.now().minusYears(80), List.of("DISABILITY"));
        send(customer, "io.careline.CustomerErased.v1", erased(eventId, customer));
        // another customer's erasure, on the same key so it is read after the redelivery
        String other = "C-E" + UUID.randomUUID().toString().substring(0, 8);
        UUID othersPerson = proposed(pool, other, region, "de", LocalDate.now().minusYears(30), List.of("DISABILITY"));
        send(customer, "io.careline.CustomerErased.v1", erased(UUID.randomUUID(), other));
        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(pool,
                "SELECT 1 FROM beneficiary WHERE id = $1 AND pseudonymised_at IS NOT NULL", othersPerson).isEmpty());
        assertThat(rows(pool, "SELECT customer_id FROM beneficiary WHERE id = $1", comeback).get(0).getString("customer_id"))
                .isEqualTo(customer);

        // each erasure confirmed once to the customer service, keyed by the customer it asked about; the redelivery,
        // handled before the other customer's erasure (same key), confirmed nothing again
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = 'io.careline.ErasureConfirmed.v1' "
                + "AND message_key = $1", customer)).isEqualTo(1);
        ConsumerRecord<String, String> confirmation = await().atMost(Duration.ofSeconds(60)).until(
                () -> careEventsMentioning("\"" + customer + "\"", 1).stream()
                        .filter(r -> CareTestSupport.header(r, "ce_type").equals("io.careline.ErasureConfirmed.v1"))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(confirmation.key()).isEqualTo(customer);
        assertThat(confirmation.value()).containsPattern("\"service\": ?\"claim-care\"");
    }

    @Test
    void otherEventsAreSkippedAndOnlyUnreadableRecordsGoToTheDeadLetterTopic() {
        String customer = "C-E" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = proposed(pool, customer, "north", "de", LocalDate.now().minusYears(80), List.of("DISABILITY"));
        String marker = "not json " + UUID.randomUUID();

        send(customer, "io.careline.CustomerUpdated.v1", "{\"whatever\":true}");
        send(customer, null, marker);
        send(customer, null, erased(UUID.randomUUID(), customer));

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(pool,
                "SELECT 1 FROM beneficiary WHERE id = $1 AND pseudonymised_at IS NOT NULL", person).isEmpty());
        ConsumerTask<String, String> dead = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(DLQ);
        try {
            List<String> values = await().atMost(Duration.ofSeconds(30)).until(
                    () -> dead.getRecords().stream().map(r -> r.value()).toList(), found -> found.contains(marker));
            assertThat(values).noneMatch(value -> value.contains("whatever"));
        } finally {
            dead.stop();
        }
    }
}
