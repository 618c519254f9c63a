package io.careline.complaint;

import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.TOKENS;
import static io.careline.complaint.Api.fileAsAgent;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the console needs: the approval list, the moves a caller has, bodiless POSTs, due times that follow the clock. */
@QuarkusTest
class ConsoleApiTest {

    private static final String COMPENSATIONS = STAFF + "/compensations";

    @Inject
    Pool pool;

    @Test
    void supervisorsListTheCompensationsAwaitingApprovalIncludingTheirOwn() {
        String byAgent = verifiedAbove("agnes");
        String bySupervisor = verifiedAbove("sam");

        for (String user : List.of("sam", "mia")) {
            Map<String, Object> item = listed(user, "AWAITING_APPROVAL", byAgent);
            assertThat(item).as(user).isNotNull();
            assertThat(item).containsEntry("requestedBy", "agnes").containsEntry("status", "AWAITING_APPROVAL")
                    .containsEntry("currency", "EUR").containsKey("reference").containsKey("requestedAt");
            assertThat(((Number) item.get("verifiedAmount")).doubleValue()).isEqualTo(750.0);
            assertThat(listed(user, "AWAITING_APPROVAL", bySupervisor)).as("sam's own, for " + user).isNotNull();
        }
        assertThat(listed("sam", "GRANTED", byAgent)).isNull();

        // approved with no Content-Type at all (the request has no body): granted, and it moves lists
        given().auth().oauth2(TOKENS.staff("sam")).when().post(STAFF + "/" + byAgent + "/compensation/approval")
                .then().statusCode(200).body("status", equalTo("GRANTED"));
        assertThat(listed("sam", "AWAITING_APPROVAL", byAgent)).isNull();
        assertThat(listed("mia", "GRANTED", byAgent)).containsEntry("approvedBy", "sam");
        // another Content-Type is no reason to refuse either
        given().auth().oauth2(TOKENS.staff("mia")).contentType("text/plain").when().post(STAFF + "/" + bySupervisor + "/compensation/approval")
                .then().statusCode(200).body("status", equalTo("GRANTED"));

        staff("sam").queryParam("status", "PAID").when().get(COMPENSATIONS)
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("status"));
        staff("agnes").when().get(COMPENSATIONS).then().statusCode(403);
    }

    @Test
    void confirmingAnIncidentNeedsNoContentType() {
        Instant at = YearMonth.now(ZoneOffset.UTC).minusMonths(5).atDay(9).atTime(8, 0).toInstant(ZoneOffset.UTC);
        String incident = Api.customer("alice").body(Map.of("kind", "SLOW_DATA", "latitude", -33.0, "longitude", 151.0,
                "occurredAt", at.toString())).post("/api/v1/me/network-reports").then().statusCode(201).extract().path("incidentId");
        given().auth().oauth2(TOKENS.staff("agnes")).when().post(STAFF + "/incidents/" + incident + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void theStaffViewListsTheMovesThisCallerHasNow() {
        String id = fileAsAgent("agnes", "C-1002", "SERVICE", unique("moves"));
        staff("agnes").when().get(STAFF + "/" + id).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("allowedTransitions", equalTo(List.of("IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED")));
        // a manager's door is the override, not the status endpoint
        staff("mia").when().get(STAFF + "/" + id).then().statusCode(200).body("allowedTransitions", equalTo(List.of()));

        String reference = staff("agnes").body(Map.of("status", "RESOLVED")).post(STAFF + "/" + id + "/status").then().statusCode(200)
                .body("allowedTransitions", equalTo(List.of("CLOSED"))).extract().path("reference");
        JsonPath queue = staff("sam").queryParam("status", "RESOLVED").queryParam("q", reference)
                .when().get(STAFF).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.findAll { it.id == '" + id + "' }.allowedTransitions")).containsExactly(List.of("CLOSED"));
        staff("sam").body(Map.of("status", "CLOSED")).post(STAFF + "/" + id + "/status").then().statusCode(200)
                .body("allowedTransitions", equalTo(List.of()));
    }

    @Test
    void dueTimesFollowTheClocksThroughAPause() {
        // by SMS: the default policy counts calendar hours, so any pause moves the due times (the hotline's office
        // hours would not move them during a pause outside working time)
        String id = fileAsAgent("agnes", "C-1002", "SERVICE", unique("paused"), Map.of("channel", "sms"));
        JsonPath filed = staff("agnes").when().get(STAFF + "/" + id).then().statusCode(200).extract().jsonPath();
        Instant firstReplyDue = Instant.parse(filed.getString("firstReplyDueAt"));
        Instant resolutionDue = Instant.parse(filed.getString("resolutionDueAt"));

        // waiting on the customer: the clocks are paused, nothing is due, and the complaint is not overdue
        staff("agnes").body(Map.of("status", "WAITING_ON_CUSTOMER")).post(STAFF + "/" + id + "/status").then().statusCode(200)
                .body("firstReplyDueAt", nullValue()).body("resolutionDueAt", nullValue()).body("overdue", equalTo(false));

        // back in progress: due later by the pause, exactly as the clocks say, in the view and in the queue's columns
        staff("agnes").body(Map.of("status", "IN_PROGRESS")).post(STAFF + "/" + id + "/status").then().statusCode(200);
        JsonPath resumed = staff("agnes").when().get(STAFF + "/" + id).then().statusCode(200).extract().jsonPath();
        Instant firstReplyNow = Instant.parse(resumed.getString("firstReplyDueAt"));
        Instant resolutionNow = Instant.parse(resumed.getString("resolutionDueAt"));
        assertThat(firstReplyNow).isAfter(firstReplyDue).isEqualTo(clockDue(id, "FIRST_REPLY"));
        assertThat(resolutionNow).isAfter(resolutionDue).isEqualTo(clockDue(id, "RESOLUTION"));
        Api.customer("bob").when().get(Api.MINE + "/" + id).then().statusCode(200)
                .body("firstReplyDueAt", equalTo(resumed.getString("firstReplyDueAt")));
    }

    private Instant clockDue(String complaintId, String kind) {
        return pool.preparedQuery("SELECT due_at FROM sla_clock WHERE complaint_id = $1 AND kind = $2")
                .execute(Tuple.of(UUID.fromString(complaintId), kind)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getOffsetDateTime("due_at").toInstant();
    }

    /** A BILLING complaint whose 750 EUR overcharge the user verified (above the threshold: it awaits approval). */
    private static String verifiedAbove(String user) {
        String id = fileAsAgent("agnes", "C-1002", "BILLING", unique("approval list"),
                Map.of("claimedOvercharge", Map.of("amount", 750, "currency", "EUR")));
        staff(user).body(Map.of("verifiedAmount", Map.of("amount", "750.00", "currency", "EUR"), "evidence", "bill line 4 twice"))
                .post(STAFF + "/" + id + "/compensation").then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL"));
        return id;
    }

    /** The complaint's compensation in the list of that status, looked for page by page; null when not there. */
    private static Map<String, Object> listed(String user, String status, String complaintId) {
        for (int page = 0; ; page++) {
            JsonPath found = staff(user).queryParam("status", status).queryParam("page", page).queryParam("size", 100)
                    .when().get(COMPENSATIONS).then().statusCode(200).extract().jsonPath();
            Map<String, Object> item = found.getMap("items.find { it.complaintId == '" + complaintId + "' }");
            if (item != null || (long) (page + 1) * 100 >= found.getLong("total")) {
                return item;
            }
        }
    }
}
