package io.careline.complaint;

import static io.careline.complaint.Api.MINE;
import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.customer;
import static io.careline.complaint.Api.fileAsAgent;
import static io.careline.complaint.Api.fileAsCustomer;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static io.careline.complaint.ComplaintTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** Intake from every channel, the lifecycle with its audit trail, reopening, overrides and stale writes. */
@QuarkusTest
class ComplaintLifecycleTest {

    @Inject
    Pool pool;

    @Test
    void anAgentFilesForACustomerOnAConfiguredChannelAndIsRecorded() {
        String subject = unique("No signal at home");
        String key = "phone-" + UUID.randomUUID();
        JsonPath filed = staff("agnes").header("Idempotency-Key", key)
                .body(Map.of("customerId", "C-1003", "channel", "KIOSK", "category", "NETWORK", "priority", "HIGH",
                        "subject", subject, "description", "at the kiosk",
                        "attachments", List.of(Map.of("uri", "https://files.example.com/a.jpg", "name", "a.jpg",
                                "mediaType", "image/jpeg"))))
                .post(STAFF).then().statusCode(201).header("Idempotent-Replayed", "false").extract().jsonPath();
        assertThat(filed.getString("channel")).isEqualTo("KIOSK");
        assertThat(filed.getString("enteredByKind")).isEqualTo("AGENT");
        assertThat(filed.getString("enteredBy")).isEqualTo("agnes");
        assertThat(filed.getString("team")).isEqualTo("north");
        assertThat(filed.getString("priority")).isEqualTo("HIGH");
        assertThat(filed.getString("customerId")).isEqualTo("C-1003");
        assertThat(filed.getString("attachments[0].uri")).isEqualTo("https://files.example.com/a.jpg");

        // the same key again: the same complaint
        String again = staff("agnes").header("Idempotency-Key", key)
                .body(Map.of("customerId", "C-1003", "channel", "kiosk", "category", "NETWORK", "priority", "HIGH",
                        "subject", subject, "description", "at the kiosk",
                        "attachments", List.of(Map.of("uri", "https://files.example.com/a.jpg", "name", "a.jpg",
                                "mediaType", "image/jpeg"))))
                .post(STAFF).then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(filed.getString("id"));

        // the customer sees it among their own, without who entered it
        customer("carol").get(MINE + "/" + filed.getString("id")).then().statusCode(200)
                .body("channel", equalTo("KIOSK")).body("$", not(hasKey("enteredBy")));
    }

    @Test
    void unknownOrSelfServiceChannelsAndBadAttachmentsAreRefusedNamingTheField() {
        staff("agnes").body(Map.of("customerId", "C-1001", "channel", "carrier-pigeon", "category", "OTHER",
                "subject", "s", "description", "d")).post(STAFF)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel")).body("errors[0].message", containsString("hotline"));
        staff("agnes").body(Map.of("customerId", "C-1001", "channel", "app", "category", "OTHER",
                "subject", "s", "description", "d")).post(STAFF)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        customer("alice").body(Map.of("category", "OTHER", "subject", "s", "description", "d",
                "attachments", List.of(Map.of("uri", "http://insecure.example.com/x", "name", "x", "mediaType", "text/plain"))))
                .post(MINE).then().statusCode(400).body("errors[0].field", equalTo("uri"));
        customer("alice").body(Map.of("category", "SERVICE", "subject", "s", "description", "d",
                "claimedOvercharge", Map.of("amount", 10, "currency", "EUR")))
                .post(MINE).then().statusCode(400).body("errors[0].field", equalTo("claimedOvercharge"));
        staff("agnes").body(Map.of("customerId", "C-1001", "channel", "sms", "category", "OTHER", "priority", "CRITICAL",
                "subject", "s", "description", "d")).post(STAFF)
                .then().statusCode(400).body("errors[0].field", equalTo("priority"));
    }

    @Test
    void theLifecycleIsAuditedAndTheCustomerSeesItWithoutStaffNamesOrReasons() {
        String id = fileAsAgent("agnes", "C-1001", "BILLING", unique("Lifecycle"));

        staff("agnes").get(STAFF + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("history.action", contains("FILED", "STATUS"))
                .body("history[1].actorRole", equalTo("SYSTEM"));
        move("agnes", id, "IN_PROGRESS", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        move("agnes", id, "WAITING_ON_CUSTOMER", "asked for the bill").statusCode(200);
        move("agnes", id, "RESOLVED", "internal: refund booked under BIL-4411").statusCode(200)
                .body("resolvedAt", not(nullValue()));
        move("agnes", id, "CLOSED", null).statusCode(200).body("status", equalTo("CLOSED"));

        JsonPath staffView = staff("agnes").get(STAFF + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(staffView.getList("history.toStatus")).containsExactly("RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS",
                "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED");
        assertThat(staffView.getList("history.actor")).containsExactly("agnes", "system", "agnes", "agnes", "agnes", "agnes");
        assertThat(staffView.getList("history.actorRole")).containsExactly("AGENT", "SYSTEM", "AGENT", "AGENT", "AGENT", "AGENT");
        assertThat(staffView.getString("history[4].reason")).isEqualTo("internal: refund booked under BIL-4411");
        assertThat(count(pool, "SELECT count(*) FROM complaint_transition WHERE complaint_id = $1", UUID.fromString(id)))
                .isEqualTo(6);

        String customerView = customer("alice").get(MINE + "/" + id).then().statusCode(200)
                .body("statusHistory.to", contains("RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING_ON_CUSTOMER",
                        "RESOLVED", "CLOSED"))
                .body("statusHistory[0].from", nullValue())
                .body("statusHistory[1].from", equalTo("RECEIVED"))
                .extract().asString();
        assertThat(customerView).doesNotContain("agnes", "BIL-4411", "asked for the bill", "actor", "reason");
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheStatus() {
        String id = fileAsAgent("agnes", "C-1001", "SERVICE", unique("Illegal"));

        move("agnes", id, "CLOSED", null).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status")).body("detail", containsString("ACKNOWLEDGED to CLOSED"));
        move("agnes", id, "RECEIVED", null).statusCode(409).body("errors[0].field", equalTo("status"));
        move("agnes", id, "RESOLVED", null).statusCode(200);
        move("agnes", id, "IN_PROGRESS", null).statusCode(409).body("errors[0].field", equalTo("status"));
        move("agnes", id, "BOGUS", null).statusCode(400).body("errors[0].field", equalTo("status"));

        staff("agnes").get(STAFF + "/" + id).then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void theCustomerReopensWithinTheWindowButNotAfterIt() {
        String id = fileAsCustomer("alice", "SERVICE", unique("Reopen"));
        staff("sam").body(Map.of("status", "RESOLVED")).post(STAFF + "/" + id + "/status").then().statusCode(200);

        customer("alice").body(Map.of("reason", "still broken")).post(MINE + "/" + id + "/reopen")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        staff("sam").body(Map.of("status", "RESOLVED")).post(STAFF + "/" + id + "/status").then().statusCode(200);
        // resolved 15 days ago: past the 14-day window
        pool.preparedQuery("UPDATE complaint SET resolved_at = now() - interval '15 days' WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(id))).await().indefinitely();

        customer("alice").post(MINE + "/" + id + "/reopen").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"))
                .body("detail", containsString("14 days"));
        // another customer's complaint is not found, not forbidden
        customer("bob").post(MINE + "/" + id + "/reopen").then().statusCode(404);
        // an open complaint cannot be reopened
        String open = fileAsCustomer("alice", "SERVICE", unique("Open"));
        customer("alice").post(MINE + "/" + open + "/reopen").then().statusCode(409).body("errors[0].field", equalTo("status"));

        // a supervisor reopens whenever, with a reason
        staff("sam").body(Map.of("reason", "")).post(STAFF + "/" + id + "/reopen").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        staff("sam").body(Map.of("reason", "customer called back")).post(STAFF + "/" + id + "/reopen").then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("history.action", hasItem("REOPEN"));
    }

    @Test
    void aSupervisorOverridesStatusAndPriorityWithAMandatoryReason() {
        String id = fileAsAgent("agnes", "C-1002", "DEVICE", unique("Override"));

        staff("sam").body(Map.of("status", "CLOSED")).post(STAFF + "/" + id + "/override").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        staff("agnes").body(Map.of("status", "CLOSED", "reason", "r")).post(STAFF + "/" + id + "/override")
                .then().statusCode(403);
        staff("sam").body(Map.of("status", "CLOSED", "priority", "URGENT", "reason", "press enquiry, internal"))
                .post(STAFF + "/" + id + "/override").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("priority", equalTo("URGENT"))
                .body("history.action", hasItem("OVERRIDE"))
                .body("history.action", hasItem("PRIORITY"))
                .body("history.findAll { it.action == 'OVERRIDE' }.reason", everyItem(equalTo("press enquiry, internal")));
        staff("sam").body(Map.of("status", "CLOSED", "reason", "again")).post(STAFF + "/" + id + "/override")
                .then().statusCode(409).body("errors[0].field", equalTo("status"));
        // a manager may override too
        staff("mia").body(Map.of("priority", "LOW", "reason", "calmed down")).post(STAFF + "/" + id + "/override")
                .then().statusCode(200).body("priority", equalTo("LOW"));

        assertThat(customer("bob").get(MINE + "/" + id).then().statusCode(200).extract().asString())
                .doesNotContain("press enquiry", "calmed down", "sam", "mia");
    }

    @Test
    void aStaleWriteIsRefused() {
        String id = fileAsAgent("agnes", "C-1001", "OTHER", unique("Stale"));
        String etag = staff("agnes").get(STAFF + "/" + id).then().statusCode(200).extract().header("ETag");

        String next = staff("agnes").header("If-Match", etag).body(Map.of("status", "IN_PROGRESS"))
                .post(STAFF + "/" + id + "/status").then().statusCode(200).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);

        staff("agnes").header("If-Match", etag).body(Map.of("assignee", "agnes"))
                .post(STAFF + "/" + id + "/assignment").then().statusCode(412).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        staff("agnes").header("If-Match", "not-a-version").body(Map.of("assignee", "agnes"))
                .post(STAFF + "/" + id + "/assignment").then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        staff("agnes").header("If-Match", next).body(Map.of("assignee", "agnes"))
                .post(STAFF + "/" + id + "/assignment").then().statusCode(200).body("assignee", equalTo("agnes"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryAudienceWithExamples() {
        String document = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(document).contains("/api/v1/complaints/{id}/replies", "/api/v1/complaints/bulk-reassign",
                "/api/partner/v1/complaints/{id}", "/api/v1/me/network-reports", "/api/v1/complaints/draws/{month}",
                "/api/v1/draws/verify", "\"Charged twice\"", "https://files.example.com/bills/2026-10.pdf");
    }

    private static io.restassured.response.ValidatableResponse move(String user, String id, String status, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("status", status));
        if (reason != null) {
            body.put("reason", reason);
        }
        return staff(user).body(body).post(STAFF + "/" + id + "/status").then();
    }
}
