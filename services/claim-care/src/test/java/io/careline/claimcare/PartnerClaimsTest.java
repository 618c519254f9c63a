package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.CLAIMS;
import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assessed;
import static io.careline.claimcare.CareTestSupport.careEventsMentioning;
import static io.careline.claimcare.CareTestSupport.count;
import static io.careline.claimcare.CareTestSupport.header;
import static io.careline.claimcare.CareTestSupport.healthyAdult;
import static io.careline.claimcare.CareTestSupport.otherPartnersClaim;
import static io.careline.claimcare.CareTestSupport.paid;
import static io.careline.claimcare.CareTestSupport.partnerPost;
import static io.careline.claimcare.CareTestSupport.reported;
import static io.careline.claimcare.CareTestSupport.rows;
import static io.careline.claimcare.CareTestSupport.step;
import static io.careline.claimcare.CareTestSupport.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/** Claim lifecycle events from a partner, with its real client-credentials token: applied once, only to its own claims. */
@QuarkusTest
class PartnerClaimsTest {

    @Inject
    Pool pool;

    private final Instant visit = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theFiveLifecycleEventsBuildTheTimelineAndEachIsPublishedKeyedByCustomer() {
        String ref = uniqueRef("ACME");
        String id = partnerPost(CLAIMS, reported(ref, "C-1001", visit.minusSeconds(3600), true))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/partner/v1/claims/" + ref))
                .header("Idempotent-Replayed", "false")
                .body("status", equalTo("REPORTED"))
                .body("partnerId", equalTo("acme"))
                .body("greenChannel", equalTo(true))
                .extract().path("id");
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit))
                .statusCode(200).body("status", equalTo("DOCUMENTS_COLLECTED"));
        partnerPost(CLAIMS + "/" + ref + "/assessment", assessed("ass-" + ref, visit.plusSeconds(600), "1250.00"))
                .statusCode(200).body("status", equalTo("ASSESSED")).body("assessedAmount", equalTo(1250.0f));
        partnerPost(CLAIMS + "/" + ref + "/payment", paid("pay-" + ref, visit.plusSeconds(1620), healthyAdult()))
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("visitToPaymentSeconds", equalTo(1620))
                .body("timeline.status", contains("REPORTED", "DOCUMENTS_COLLECTED", "ASSESSED", "PAID"));

        String rejectedRef = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(rejectedRef, "C-1001", visit, false)).statusCode(201);
        partnerPost(CLAIMS + "/" + rejectedRef + "/rejection", Map.of("eventId", "rej-" + rejectedRef,
                "occurredAt", visit.plusSeconds(60).toString(), "reason", "not covered by the policy"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("not covered by the policy"));

        List<ConsumerRecord<String, String>> events = careEventsMentioning(id, 4);
        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly(
                "io.careline.ClaimReported.v1", "io.careline.ClaimDocumentsCollected.v1", "io.careline.ClaimAssessed.v1",
                "io.careline.ClaimPaid.v1");
        assertThat(events).allSatisfy(record -> assertThat(record.key()).isEqualTo("C-1001"));
        assertThat(JsonPath.from(events.get(3).value()).getInt("data.visitToPaymentSeconds")).isEqualTo(1620);
        assertThat(events.get(3).value()).doesNotContain("Tom Healthy");
        assertThat(careEventsMentioning(rejectedRef, 2)).extracting(record -> header(record, "ce_type"))
                .containsExactly("io.careline.ClaimReported.v1", "io.careline.ClaimRejected.v1");
    }

    @Test
    void aRetriedEventIsAppliedOnceAndAnsweredAsAReplay() {
        String ref = uniqueRef("ACME");
        Map<String, Object> report = reported(ref, "C-1001", visit, false);
        String id = partnerPost(CLAIMS, report).statusCode(201).extract().path("id");
        partnerPost(CLAIMS, report).statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        Map<String, Object> documents = step("doc-" + ref, visit.plusSeconds(60));
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", documents).statusCode(200)
                .header("Idempotent-Replayed", "false");
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", documents).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("timeline.status", contains("REPORTED", "DOCUMENTS_COLLECTED"));

        UUID claimId = UUID.fromString(id);
        assertThat(count(pool, "SELECT count(*) FROM claim WHERE partner_id = 'acme' AND partner_claim_ref = $1", ref)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM claim_event WHERE claim_id = $1", claimId)).isEqualTo(2);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE payload->'data'->>'claimId' = $1", id)).isEqualTo(2);
    }

    @Test
    void twoDeliveriesOfOneEventRacingAreAppliedOnce() {
        String ref = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(ref, "C-1002", visit, false)).statusCode(201);
        Map<String, Object> documents = step("doc-" + ref, visit.plusSeconds(60));
        String token = TOKENS.partner();

        List<CompletableFuture<Response>> racing = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(token).contentType(ContentType.JSON).body(documents)
                .post(CLAIMS + "/" + ref + "/documents-collected"))).toList();

        assertThat(racing).extracting(future -> future.join().statusCode()).containsOnly(200);
        assertThat(racing).extracting(future -> future.join().header("Idempotent-Replayed")).containsExactlyInAnyOrder("true", "false");
        assertThat(count(pool, "SELECT count(*) FROM claim_event WHERE partner_event_id = $1", "doc-" + ref)).isEqualTo(1);
    }

    @Test
    void anEventIdReusedForADifferentEventIsRefusedNamingIt() {
        String ref = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(ref, "C-1001", visit, false)).statusCode(201);
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit.plusSeconds(60))).statusCode(200);

        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit.plusSeconds(120)))
                .statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("eventId"));
        // and the same claim number reported again under a new event id is a conflict, not a second claim
        Map<String, Object> again = reported(ref, "C-1001", visit, false);
        again.put("eventId", "another-" + ref);
        partnerPost(CLAIMS, again).statusCode(409).contentType(startsWith(PROBLEM));
    }

    @Test
    void stepsOutOfOrderOrBackInTimeAreRefused() {
        String ref = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(ref, "C-1001", visit, false)).statusCode(201);

        partnerPost(CLAIMS + "/" + ref + "/payment", paid("pay-" + ref, visit.plusSeconds(60), healthyAdult()))
                .statusCode(409).contentType(startsWith(PROBLEM)).body("detail", equalTo("a claim that is REPORTED cannot become PAID"));
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit.minusSeconds(60)))
                .statusCode(422).body("errors[0].field", equalTo("occurredAt"));
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, Instant.now().plus(Duration.ofHours(1))))
                .statusCode(422).body("errors[0].field", equalTo("occurredAt")).body("errors[0].message", equalTo("is in the future"));
        assertThat(count(pool, "SELECT count(*) FROM claim_event WHERE partner_event_id IN ($1, $2)", "pay-" + ref, "doc-" + ref))
                .isZero();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Map<String, Object> noEventId = reported(uniqueRef("ACME"), "C-1001", visit, false);
        noEventId.remove("eventId");
        partnerPost(CLAIMS, noEventId).statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("eventId"));

        String ref = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(ref, "C-1001", visit, false)).statusCode(201);
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit)).statusCode(200);
        Map<String, Object> person = healthyAdult();
        person.remove("dateOfBirth");
        person.put("healthConditions", List.of("HEADACHE"));
        partnerPost(CLAIMS + "/" + ref + "/payment", paid("pay-" + ref, visit.plusSeconds(60), person))
                .statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", startsWith("beneficiary.healthConditions"));
        partnerPost(CLAIMS + "/" + ref + "/payment", paid("pay-" + ref, visit.plusSeconds(60), Map.of("fullName", "X")))
                .statusCode(400).body("errors.field", hasItem("dateOfBirth")).body("errors.field", hasItem("region"));
    }

    @Test
    void aPartnerNeverReachesAnotherPartnersClaim() {
        String ref = uniqueRef("SHARED");
        UUID theirs = otherPartnersClaim(pool, "zenith", ref, "C-1002");

        given().auth().oauth2(TOKENS.partner()).when().get(CLAIMS + "/" + ref)
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        partnerPost(CLAIMS + "/" + ref + "/documents-collected", step("doc-" + ref, visit)).statusCode(404)
                .contentType(startsWith(PROBLEM));
        partnerPost(CLAIMS + "/" + ref + "/rejection", Map.of("eventId", "rej-" + ref, "occurredAt", visit.toString(),
                "reason", "fraud")).statusCode(404);
        given().auth().oauth2(TOKENS.partner()).when().get(CLAIMS + "?size=100")
                .then().statusCode(200).body("items.claimRef", not(hasItem(ref)));

        // the same claim number under this partner is this partner's own claim, separate from the other's
        partnerPost(CLAIMS, reported(ref, "C-1001", visit, false)).statusCode(201).body("id", not(equalTo(theirs.toString())));
        assertThat(rows(pool, "SELECT status FROM claim WHERE id = $1", theirs).get(0).getString("status")).isEqualTo("REPORTED");
        assertThat(count(pool, "SELECT count(*) FROM claim_event WHERE claim_id = $1", theirs)).isZero();
    }

    @Test
    void thePartnerReadsItsClaimWithItsTimeline() {
        String ref = uniqueRef("ACME");
        partnerPost(CLAIMS, reported(ref, "C-1001", visit, false)).statusCode(201);
        given().auth().oauth2(TOKENS.partner()).when().get(CLAIMS + "/" + ref)
                .then().statusCode(200)
                .body("claimRef", equalTo(ref))
                .body("timeline.status", contains("REPORTED"));
        given().auth().oauth2(TOKENS.partner()).when().get(CLAIMS + "?size=101")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void onlyAPartnerTokenReachesThePartnerApi() {
        String ref = uniqueRef("ACME");
        Map<String, Object> report = reported(ref, "C-1001", visit, false);
        given().contentType(ContentType.JSON).body(report).when().post(CLAIMS)
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().get(CLAIMS).then().statusCode(401);
        for (String token : List.of(TOKENS.customer("alice"), TOKENS.staff("cora"), TOKENS.staff("ada"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(report).when().post(CLAIMS)
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
            given().auth().oauth2(token).when().get(CLAIMS).then().statusCode(403);
        }
        assertThat(count(pool, "SELECT count(*) FROM claim WHERE partner_claim_ref = $1", ref)).isZero();
    }
}
