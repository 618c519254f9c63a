package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assignVia;
import static io.careline.claimcare.CareTestSupport.consented;
import static io.careline.claimcare.CareTestSupport.proposed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Every endpoint against callers who may not use it: no token is 401, a token without the role 403 (each a problem),
 * and a volunteer reaching for someone not assigned to them 404, as if the person did not exist. What each role may
 * do is tested with the capability.
 */
@QuarkusTest
class AccessMatrixTest {

    @Inject
    Pool pool;

    private record Call(String method, String path, Object body, List<String> allowedRoles) {
    }

    private static List<Call> calls(UUID person, String claimRef) {
        String b = "/api/v1/care/beneficiaries/" + person;
        String claims = "/api/partner/v1/claims";
        Map<String, Object> step = Map.of("eventId", "x", "occurredAt", "2026-01-01T00:00:00Z");
        return List.of(
                new Call("POST", claims, Map.of(), List.of("partner")),
                new Call("GET", claims, null, List.of("partner")),
                new Call("GET", claims + "/" + claimRef, null, List.of("partner")),
                new Call("POST", claims + "/" + claimRef + "/documents-collected", step, List.of("partner")),
                new Call("POST", claims + "/" + claimRef + "/assessment", step, List.of("partner")),
                new Call("POST", claims + "/" + claimRef + "/payment", step, List.of("partner")),
                new Call("POST", claims + "/" + claimRef + "/rejection", step, List.of("partner")),
                new Call("GET", "/api/v1/me/claims", null, List.of("customer")),
                new Call("GET", "/api/v1/me/claims/" + UUID.randomUUID(), null, List.of("customer")),
                new Call("GET", "/api/v1/care/reports/visit-to-payment?from=2026-01-01&to=2026-01-02", null, List.of("coordinator", "supervisor", "admin")),
                new Call("GET", "/api/v1/care/reports/programme?from=2026-01-01&to=2026-01-02", null, List.of("coordinator", "supervisor", "admin")),
                new Call("GET", "/api/v1/care/beneficiaries", null, List.of("coordinator", "volunteer")),
                new Call("GET", b, null, List.of("coordinator", "volunteer")),
                new Call("GET", b + "/health", null, List.of("coordinator", "volunteer")),
                new Call("GET", b + "/health-reads", null, List.of("coordinator")),
                new Call("POST", b + "/consent", Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY"), List.of("coordinator")),
                new Call("GET", b + "/matches", null, List.of("coordinator")),
                new Call("POST", b + "/assignments", Map.of("volunteerId", UUID.randomUUID().toString()), List.of("coordinator")),
                new Call("PUT", b + "/plan", Map.of("cadenceDays", 7), List.of("coordinator")),
                new Call("GET", b + "/plan", null, List.of("coordinator", "volunteer")),
                new Call("POST", b + "/activities", Map.of("kind", "CALL", "occurredAt", "2026-01-01T00:00:00Z",
                        "durationMinutes", 5), List.of("volunteer")),
                new Call("GET", b + "/activities", null, List.of("coordinator", "volunteer")),
                new Call("POST", b + "/end", Map.of("reason", "OTHER"), List.of("coordinator")),
                new Call("GET", "/api/v1/care/volunteers", null, List.of("coordinator")),
                new Call("POST", "/api/v1/care/volunteers", Map.of(), List.of("coordinator")),
                new Call("GET", "/api/v1/care/volunteers/" + UUID.randomUUID(), null, List.of("coordinator")),
                new Call("PUT", "/api/v1/care/volunteers/" + UUID.randomUUID(), Map.of(), List.of("coordinator")),
                new Call("POST", "/api/v1/care/volunteers/" + UUID.randomUUID() + "/status", Map.of("status", "PAUSED"), List.of("coordinator")),
                new Call("GET", "/api/v1/care/hand-overs", null, List.of("coordinator")),
                new Call("GET", "/api/v1/care/group-activities", null, List.of("coordinator", "volunteer")),
                new Call("POST", "/api/v1/care/group-activities", Map.of(), List.of("coordinator")),
                new Call("GET", "/api/v1/care/group-activities/" + UUID.randomUUID(), null, List.of("coordinator", "volunteer")),
                new Call("POST", "/api/v1/care/group-activities/" + UUID.randomUUID() + "/sign-ups", Map.of(), List.of("coordinator", "volunteer")),
                new Call("POST", "/api/v1/care/group-activities/" + UUID.randomUUID() + "/attendance", Map.of("attendedSignUpIds", List.of()), List.of("coordinator")),
                new Call("POST", "/api/v1/care/health-keys/re-encryption", null, List.of("admin")));
    }

    /** A caller of each kind and the roles their token carries (sam is agent and supervisor). */
    private static Map<String, List<String>> callers() {
        return Map.of("alice", List.of("customer"), "partner", List.of("partner"), "agnes", List.of("agent"),
                "sam", List.of("agent", "supervisor"), "cora", List.of("coordinator"), "victor", List.of("volunteer"),
                "ada", List.of("admin"));
    }

    private static String token(String caller) {
        return switch (caller) {
            case "alice" -> TOKENS.customer("alice");
            case "partner" -> TOKENS.partner();
            default -> TOKENS.staff(caller);
        };
    }

    private static io.restassured.response.Response send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.when().request(call.method(), call.path());
    }

    @Test
    void withoutATokenEveryEndpointIsUnauthorized() {
        for (Call call : calls(UUID.randomUUID(), "ACME-1")) {
            send(given(), call).then().statusCode(401).contentType(startsWith(PROBLEM));
        }
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenEverywhere() {
        for (Call call : calls(UUID.randomUUID(), "ACME-1")) {
            callers().forEach((caller, roles) -> {
                if (roles.stream().noneMatch(call.allowedRoles()::contains)) {
                    send(given().auth().oauth2(token(caller)), call).then()
                            .statusCode(403).contentType(startsWith(PROBLEM));
                }
            });
        }
    }

    @Test
    void aVolunteerFindsNobodyWhoIsNotAssignedToThem() {
        UUID someoneElses = proposed(pool, "C-" + UUID.randomUUID().toString().substring(0, 8), "north", "de",
                LocalDate.now().minusYears(70), List.of("DISABILITY"));
        consented(someoneElses, false);
        assignVia(someoneElses, CareTestSupport.registered("Other Volunteer", "north", List.of("de"), List.of(), 2,
                LocalDate.now().plusYears(1), LocalDate.now().plusYears(1)), null).statusCode(201);
        for (Call call : calls(someoneElses, "ACME-1")) {
            if (call.path().startsWith("/api/v1/care/beneficiaries/") && call.allowedRoles().contains("volunteer")) {
                send(given().auth().oauth2(token("victor")), call).then().statusCode(404).contentType(startsWith(PROBLEM));
            }
        }
    }
}
