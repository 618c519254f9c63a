package io.careline.complaint;

import static io.careline.complaint.Api.MINE;
import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.customer;
import static io.careline.complaint.Api.fileAsAgent;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static io.careline.complaint.ComplaintTestSupport.count;
import static io.careline.complaint.ComplaintTestSupport.complaintEventsMentioning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Overcharge one, reward one: verified once, granted once, four eyes above the threshold. */
@QuarkusTest
class CompensationTest {

    private static final String GRANTED = "io.careline.CompensationGranted.v1";

    @Inject
    Pool pool;

    @Test
    void aSmallVerifiedOverchargeIsRefundedAndRewardedOnceAndTheCustomerSeesIt() {
        String id = fileAsAgent("agnes", "C-1001", "BILLING", unique("Charged twice"),
                Map.of("claimedOvercharge", Map.of("amount", 12.5, "currency", "EUR")));
        Map<String, Object> body = Map.of("verifiedAmount", Map.of("amount", 12.5, "currency", "EUR"),
                "evidence", "invoice line 4 duplicates line 3");

        String compensation = staff("agnes").body(body).post(STAFF + "/" + id + "/compensation").then().statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("status", equalTo("GRANTED")).body("refundAmount", equalTo(12.5f)).body("rewardAmount", equalTo(12.5f))
                .body("verifiedBy", equalTo("agnes")).extract().path("id");
        staff("agnes").body(body).post(STAFF + "/" + id + "/compensation").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(compensation));
        staff("agnes").body(Map.of("verifiedAmount", Map.of("amount", 13, "currency", "EUR"), "evidence", "e"))
                .post(STAFF + "/" + id + "/compensation").then().statusCode(409).body("errors[0].field", equalTo("verifiedAmount"));

        assertThat(count(pool, "SELECT count(*) FROM compensation WHERE complaint_id = $1", UUID.fromString(id))).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = $1 AND payload->'data'->>'complaintId' = $2",
                GRANTED, id)).isEqualTo(1);
        JsonPath event = JsonPath.from(complaintEventsMentioning(compensation, 1).get(0).value());
        assertThat(event.getString("customerId")).isEqualTo("C-1001");
        assertThat(event.getFloat("data.refundAmount")).isEqualTo(12.5f);
        assertThat(event.getFloat("data.rewardAmount")).isEqualTo(12.5f);

        String mine = customer("alice").get(MINE + "/" + id).then().statusCode(200)
                .body("compensation.status", equalTo("GRANTED"))
                .body("compensation.refundAmount", equalTo(12.5f)).body("compensation.rewardAmount", equalTo(12.5f))
                .body("claimedOvercharge.amount", equalTo(12.5f))
                .extract().asString();
        assertThat(mine).doesNotContain("invoice line 4", "agnes");
    }

    @Test
    void aboveTheThresholdASecondSupervisorApprovesAndNobodyApprovesTheirOwn() {
        String id = fileAsAgent("sam", "C-1002", "BILLING", unique("Big overcharge"));
        Map<String, Object> body = Map.of("verifiedAmount", Map.of("amount", "750.00", "currency", "EUR"),
                "evidence", "roaming billed at home, 3 months");

        staff("sam").body(body).post(STAFF + "/" + id + "/compensation").then().statusCode(201)
                .body("status", equalTo("AWAITING_APPROVAL")).body("needsApproval", equalTo(true))
                .body("refundAmount", nullValue());
        customer("bob").get(MINE + "/" + id).then().body("compensation.status", equalTo("AWAITING_APPROVAL"));

        staff("sam").post(STAFF + "/" + id + "/compensation/approval").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("four eyes"));
        staff("agnes").post(STAFF + "/" + id + "/compensation/approval").then().statusCode(403);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = $1 AND payload->'data'->>'complaintId' = $2",
                GRANTED, id)).isZero();

        staff("mia").post(STAFF + "/" + id + "/compensation/approval").then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("approvedBy", equalTo("mia"))
                .body("refundAmount", equalTo(750.0f)).body("rewardAmount", equalTo(750.0f));
        staff("mia").post(STAFF + "/" + id + "/compensation/approval").then().statusCode(200).body("approvedBy", equalTo("mia"));
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = $1 AND payload->'data'->>'complaintId' = $2",
                GRANTED, id)).isEqualTo(1);
        customer("bob").get(MINE + "/" + id).then().body("compensation.status", equalTo("GRANTED"))
                .body("compensation.rewardAmount", equalTo(750.0f));
    }

    @Test
    void onlyBillingComplaintsAreCompensatedAndBadAmountsAreRefused() {
        String network = fileAsAgent("agnes", "C-1001", "NETWORK", unique("Not billing"));
        Map<String, Object> body = Map.of("verifiedAmount", Map.of("amount", 5, "currency", "EUR"), "evidence", "e");
        staff("agnes").body(body).post(STAFF + "/" + network + "/compensation").then().statusCode(409)
                .body("errors[0].field", equalTo("category"));
        String billing = fileAsAgent("agnes", "C-1001", "BILLING", unique("Billing"),
                Map.of("claimedOvercharge", Map.of("amount", 5, "currency", "EUR")));
        staff("agnes").body(Map.of("verifiedAmount", Map.of("amount", -5, "currency", "EUR"), "evidence", "e"))
                .post(STAFF + "/" + billing + "/compensation").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        staff("agnes").body(Map.of("verifiedAmount", Map.of("amount", 5, "currency", "USD"), "evidence", "e"))
                .post(STAFF + "/" + billing + "/compensation").then().statusCode(400).body("errors[0].field", equalTo("currency"));
        staff("agnes").body(Map.of("verifiedAmount", Map.of("amount", 5, "currency", "EUR"), "evidence", " "))
                .post(STAFF + "/" + billing + "/compensation").then().statusCode(400).body("errors[0].field", equalTo("evidence"));
        staff("ted").body(body).post(STAFF + "/" + billing + "/compensation").then().statusCode(404);
        staff("sam").post(STAFF + "/" + billing + "/compensation/approval").then().statusCode(409)
                .body("errors[0].field", equalTo("compensation"));
    }
}
