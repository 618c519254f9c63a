package io.careline.complaint;

import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.customer;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.ComplaintTestSupport.complaintEventsMentioning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Network reports grouped into incidents, every reporter told on resolution, and the auditable monthly draw. */
@QuarkusTest
class NetworkReportsAndDrawTest {

    private static final String REPORTS = "/api/v1/me/network-reports";
    private static final String INCIDENTS = STAFF + "/incidents";

    @Test
    void reportsCloseInPlaceAndTimeFormOneIncidentAndItsReportersAreToldOnResolution() {
        Instant at = YearMonth.now(ZoneOffset.UTC).minusMonths(2).atDay(5).atTime(18, 0).toInstant(ZoneOffset.UTC);
        String first = report("alice", "NO_SIGNAL", 43.6047, 1.4442, at);
        String near = report("bob", "NO_SIGNAL", 43.6100, 1.4500, at.plusSeconds(3600)); // ~0.8 km, an hour later
        String far = report("carol", "NO_SIGNAL", 43.7047, 1.4442, at); // ~11 km
        String later = report("alice", "NO_SIGNAL", 43.6047, 1.4442, at.plusSeconds(2 * 86400)); // two days later
        String otherKind = report("carol", "SLOW_DATA", 43.6047, 1.4442, at);
        assertThat(near).isEqualTo(first);
        assertThat(List.of(far, later, otherKind)).doesNotContain(first).doesNotHaveDuplicates();

        staff("agnes").get(INCIDENTS + "/" + first).then().statusCode(200)
                .body("reports", equalTo(2)).body("reporters", equalTo(2)).body("status", equalTo("OPEN"));
        staff("agnes").get(INCIDENTS + "/" + first + "/reports").then().statusCode(200)
                .body("items.customerId", org.hamcrest.Matchers.contains("C-1001", "C-1002"));
        customer("alice").get(REPORTS).then().statusCode(200).body("items.incidentId", org.hamcrest.Matchers.hasItem(first));

        staff("agnes").body(Map.of("resolution", "antenna replaced")).post(INCIDENTS + "/" + first + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("confirmedBy", equalTo("agnes"));
        staff("agnes").post(INCIDENTS + "/" + first + "/resolve").then().statusCode(409).body("errors[0].field", equalTo("status"));

        List<ConsumerRecord<String, String>> told = complaintEventsMentioning(first, 2);
        assertThat(told).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("C-1001", "C-1002");
        assertThat(told).allSatisfy(record -> {
            JsonPath event = JsonPath.from(record.value());
            assertThat(event.getString("type")).isEqualTo("IncidentResolved");
            assertThat(event.getInt("data.reporterCount")).isEqualTo(2);
            assertThat(record.value()).doesNotContain(record.key().equals("C-1001") ? "C-1002" : "C-1001");
        });
        staff("agnes").queryParam("status", "RESOLVED").queryParam("size", 100).get(INCIDENTS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(first));
    }

    @Test
    void badReportsAreRefusedNamingTheField() {
        Instant now = Instant.now();
        customer("alice").body(Map.of("kind", "NO_SIGNAL", "latitude", 91, "longitude", 0, "occurredAt", now.toString()))
                .post(REPORTS).then().statusCode(400).body("errors[0].field", equalTo("latitude"));
        customer("alice").body(Map.of("kind", "ALIENS", "latitude", 0, "longitude", 0, "occurredAt", now.toString()))
                .post(REPORTS).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        customer("alice").body(Map.of("kind", "NO_SIGNAL", "latitude", 0, "longitude", 0,
                "occurredAt", now.plusSeconds(3600).toString())).post(REPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        customer("alice").body(Map.of("kind", "NO_SIGNAL", "latitude", 0, "longitude", 0,
                "occurredAt", now.minusSeconds(500L * 86400).toString())).post(REPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void theDrawIsRunOnceAmongConfirmedReportersAndAnyoneCanRecomputeIt() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(3);
        Instant at = month.atDay(12).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String confirmed = report("alice", "DROPPED_CALLS", -33.8688, 151.2093, at);
        report("bob", "DROPPED_CALLS", -33.8700, 151.2100, at.plusSeconds(600));
        report("carol", "DROPPED_CALLS", 35.6762, 139.6503, at); // another incident, never confirmed
        staff("agnes").post(INCIDENTS + "/" + confirmed + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));

        String path = STAFF + "/draws/" + month;
        staff("agnes").body(Map.of("seed", "published-seed-1")).post(path).then().statusCode(403);
        JsonPath draw = staff("sam").body(Map.of("seed", "published-seed-1")).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().jsonPath();
        assertThat(draw.getInt("eligibleCount")).isEqualTo(2);
        assertThat(draw.getList("winners.customerId", String.class)).containsExactlyElementsOf(ranked("published-seed-1",
                List.of("C-1001", "C-1002"), 50));
        assertThat(draw.getString("seed")).isEqualTo("published-seed-1");

        // again, even with another seed: the same draw
        JsonPath again = staff("sam").body(Map.of("seed", "another")).post(path).then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(again.getString("id")).isEqualTo(draw.getString("id"));
        assertThat(again.getList("winners")).isEqualTo(draw.getList("winners"));
        staff("agnes").get(path + "/eligible").then().statusCode(200).body("items", org.hamcrest.Matchers.contains("C-1001", "C-1002"));

        // recomputed from the published seed and list, in any order, with duplicates
        staff("agnes").body(Map.of("seed", "published-seed-1", "eligible", List.of("C-1002", "C-1001", "C-1002")))
                .post("/api/v1/draws/verify").then().statusCode(200)
                .body("eligibleDigest", equalTo(draw.getString("eligibleDigest")))
                .body("winners.customerId", equalTo(draw.getList("winners.customerId")));

        List<ConsumerRecord<String, String>> announced = complaintEventsMentioning(draw.getString("id"), 2);
        assertThat(announced).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("C-1001", "C-1002");
        assertThat(announced).allSatisfy(r -> assertThat(JsonPath.from(r.value()).getString("type")).isEqualTo("DrawWinnersAnnounced"));
    }

    @Test
    void verifyingALargeListIsDeterministicAndMatchesAnIndependentComputation() {
        List<String> eligible = IntStream.range(0, 300).mapToObj(i -> "C-" + (5000 + i)).toList();
        List<String> winners = staff("agnes").body(Map.of("seed", "s-42", "eligible", eligible, "winners", 50))
                .post("/api/v1/draws/verify").then().statusCode(200).body("eligibleCount", equalTo(300))
                .extract().path("winners.customerId");
        assertThat(winners).hasSize(50).containsExactlyElementsOf(ranked("s-42", eligible, 50));
        List<String> reversed = new ArrayList<>(eligible);
        java.util.Collections.reverse(reversed);
        List<String> fromReversed = staff("agnes").body(Map.of("seed", "s-42", "eligible", reversed, "winners", 50))
                .post("/api/v1/draws/verify").then().extract().path("winners.customerId");
        List<String> otherSeed = staff("agnes").body(Map.of("seed", "s-43", "eligible", eligible, "winners", 50))
                .post("/api/v1/draws/verify").then().extract().path("winners.customerId");
        assertThat(fromReversed).isEqualTo(winners);
        assertThat(otherSeed).isNotEqualTo(winners);
    }

    @Test
    void aMonthNotOverOrMalformedIsRefused() {
        staff("sam").post(STAFF + "/draws/" + YearMonth.now(ZoneOffset.UTC)).then().statusCode(409)
                .body("errors[0].field", equalTo("month"));
        staff("sam").post(STAFF + "/draws/2026-13").then().statusCode(400).body("errors[0].field", equalTo("month"));
        staff("sam").get(STAFF + "/draws/1999-01").then().statusCode(404);
        staff("sam").post(STAFF + "/draws/" + YearMonth.now(ZoneOffset.UTC).minusMonths(11)).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("no confirmed reporters"));
    }

    private static String report(String customer, String kind, double lat, double lon, Instant at) {
        return customer(customer).body(Map.of("kind", kind, "latitude", lat, "longitude", lon, "area", "test area",
                "occurredAt", at.toString())).post(REPORTS).then().statusCode(201).extract().path("incidentId");
    }

    /** The documented rule, computed here independently: lowest HMAC-SHA256(seed, id) hex first. */
    private static List<String> ranked(String seed, List<String> eligible, int n) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return eligible.stream().distinct()
                    .map(id -> Map.entry(id, HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)))))
                    .sorted(Map.Entry.<String, String> comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(Map.Entry::getKey).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
