package io.careline.complaint;

import static io.careline.complaint.Api.MINE;
import static io.careline.complaint.Api.PARTNER;
import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every kind of caller, on one complaint: filed by partner acme for alice (C-1001), in team north.
 * Own/other: alice/bob, agnes (north)/ted (south), acme/globex; sam supervises. 401 without a token, 403 for a role
 * that may not use the endpoint, 404 for an object the caller may not see (never 403: ids cannot be probed).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Caller {
        ANONYMOUS(() -> given()),
        CUSTOMER_OWN(() -> given().auth().oauth2(TOKENS.customer("alice"))),
        CUSTOMER_OTHER(() -> given().auth().oauth2(TOKENS.customer("bob"))),
        AGENT_OWN_TEAM(() -> given().auth().oauth2(TOKENS.staff("agnes"))),
        AGENT_OTHER_TEAM(() -> given().auth().oauth2(TOKENS.staff("ted"))),
        SUPERVISOR(() -> given().auth().oauth2(TOKENS.staff("sam"))),
        PARTNER_OWN(() -> given().auth().oauth2(TOKENS.partner())),
        PARTNER_OTHER(() -> given().auth().oauth2(TOKENS.otherPartner()));

        final Supplier<RequestSpecification> spec;

        Caller(Supplier<RequestSpecification> spec) {
            this.spec = spec;
        }
    }

    private final List<String> mismatches = new ArrayList<>();

    @Test
    void everyEndpointAnswersEachCallerAsItShould() {
        String id = Api.fileAsPartner("C-1001", Api.unique("Matrix"));
        Api.staff("sam").body(Map.of("team", "north")).post(STAFF + "/" + id + "/assignment").then().statusCode(200);
        String billing = Api.partner().body(Map.of("customerId", "C-1001", "category", "BILLING", "subject", "matrix bill",
                "description", "d")).post(PARTNER).then().statusCode(201).extract().path("id");
        Api.staff("sam").body(Map.of("team", "north")).post(STAFF + "/" + billing + "/assignment").then().statusCode(200);
        Instant at = YearMonth.now(ZoneOffset.UTC).minusMonths(4).atDay(3).atTime(8, 0).toInstant(ZoneOffset.UTC);
        String incident = Api.customer("alice").body(Map.of("kind", "NO_DATA", "latitude", 10.0, "longitude", 10.0,
                "occurredAt", at.toString())).post("/api/v1/me/network-reports").then().statusCode(201).extract().path("incidentId");
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(4).toString();

        Map<String, Object> fileMine = Map.of("category", "OTHER", "subject", "m", "description", "d");
        Map<String, Object> fileStaff = Map.of("customerId", "C-1002", "channel", "sms", "category", "OTHER", "subject", "m", "description", "d");
        Map<String, Object> filePartner = Map.of("customerId", "C-1002", "category", "OTHER", "subject", "m", "description", "d");
        Map<String, Object> networkReport = Map.of("kind", "NO_DATA", "latitude", 10.0, "longitude", 10.0, "occurredAt", at.toString());
        Map<String, Object> text = Map.of("body", "hello");
        Map<String, Object> compensation = Map.of("verifiedAmount", Map.of("amount", 3, "currency", "EUR"), "evidence", "e");

        // customer endpoints: only the customer, and only their own
        check("GET", MINE, null, 401, 200, 200, 403, 403, 403, 403, 403);
        check("POST", MINE, fileMine, 401, 201, 201, 403, 403, 403, 403, 403);
        check("GET", MINE + "/" + id, null, 401, 200, 404, 403, 403, 403, 403, 403);
        check("GET", MINE + "/" + id + "/messages", null, 401, 200, 404, 403, 403, 403, 403, 403);
        check("POST", MINE + "/" + id + "/messages", text, 401, 201, 404, 403, 403, 403, 403, 403);
        check("POST", MINE + "/" + id + "/reopen", Map.of(), 401, 409, 404, 403, 403, 403, 403, 403);
        check("GET", "/api/v1/me/network-reports", null, 401, 200, 200, 403, 403, 403, 403, 403);
        check("POST", "/api/v1/me/network-reports", networkReport, 401, 201, 201, 403, 403, 403, 403, 403);

        // staff endpoints: agents their team's, supervisors everything
        check("POST", STAFF, fileStaff, 401, 403, 403, 201, 201, 201, 403, 403);
        check("GET", STAFF, null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("GET", STAFF + "/" + id, null, 401, 403, 403, 200, 404, 200, 403, 403);
        check("GET", STAFF + "/" + id + "/messages", null, 401, 403, 403, 200, 404, 200, 403, 403);
        check("POST", STAFF + "/" + id + "/notes", text, 401, 403, 403, 201, 404, 201, 403, 403);
        check("POST", STAFF + "/" + id + "/replies", text, 401, 403, 403, 201, 404, 201, 403, 403);
        check("POST", STAFF + "/" + id + "/status", Map.of("status", "WAITING_ON_CUSTOMER"), 401, 403, 403, 200, 404, 409, 403, 403);
        check("POST", STAFF + "/" + id + "/assignment", Map.of("team", "north"), 401, 403, 403, 200, 404, 200, 403, 403);
        check("POST", STAFF + "/" + id + "/override", Map.of("priority", "HIGH", "reason", "r"), 401, 403, 403, 403, 403, 200, 403, 403);
        check("POST", STAFF + "/" + id + "/reopen", Map.of("reason", "r"), 401, 403, 403, 403, 403, 409, 403, 403);
        check("POST", STAFF + "/bulk-reassign", Map.of("ids", List.of(id), "team", "north"), 401, 403, 403, 403, 403, 200, 403, 403);
        check("POST", STAFF + "/" + billing + "/compensation", compensation, 401, 403, 403, 201, 404, 200, 403, 403);
        check("POST", STAFF + "/" + billing + "/compensation/approval", null, 401, 403, 403, 403, 403, 200, 403, 403);
        check("GET", STAFF + "/compensations", null, 401, 403, 403, 403, 403, 200, 403, 403);
        check("GET", STAFF + "/incidents", null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("GET", STAFF + "/incidents/" + incident, null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("GET", STAFF + "/incidents/" + UUID.randomUUID(), null, 401, 403, 403, 404, 404, 404, 403, 403);
        check("GET", STAFF + "/incidents/" + incident + "/reports", null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("POST", STAFF + "/incidents/" + incident + "/confirm", null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("POST", STAFF + "/draws/" + month, Map.of(), 401, 403, 403, 403, 403, 201, 403, 403);
        check("GET", STAFF + "/draws/" + month, null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("GET", STAFF + "/draws/" + month + "/eligible", null, 401, 403, 403, 200, 200, 200, 403, 403);
        check("POST", "/api/v1/draws/verify", Map.of("seed", "s", "eligible", List.of("C-1")), 401, 403, 403, 200, 200, 200, 403, 403);
        check("POST", STAFF + "/incidents/" + incident + "/resolve", Map.of(), 401, 403, 403, 200, 409, 409, 403, 403);

        // partner endpoints: only partners, and only what they filed
        check("POST", PARTNER, filePartner, 401, 403, 403, 403, 403, 403, 201, 201);
        check("GET", PARTNER, null, 401, 403, 403, 403, 403, 403, 200, 200);
        check("GET", PARTNER + "/" + id, null, 401, 403, 403, 403, 403, 403, 200, 404);

        assertThat(mismatches).isEmpty();
    }

    /** Calls the endpoint as each caller in {@link Caller} order and records every answer that differs. */
    private void check(String method, String path, Map<String, Object> body, int... expected) {
        Map<Caller, Integer> answers = new LinkedHashMap<>();
        for (Caller caller : Caller.values()) {
            RequestSpecification request = caller.spec.get().contentType(ContentType.JSON);
            if (body != null) {
                request.body(body);
            }
            int status = "GET".equals(method) ? request.get(path).statusCode() : request.post(path).statusCode();
            answers.put(caller, status);
            if (status != expected[caller.ordinal()]) {
                mismatches.add(method + " " + path + " as " + caller + ": " + status + ", expected " + expected[caller.ordinal()]);
            }
        }
    }
}
