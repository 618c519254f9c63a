package io.careline.gateway;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.careline.gateway.testing.ManagementPort;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The front door: a Host the gateway does not serve goes no further, and every answer carries the security headers.
 * (Tests allow localhost and 127.0.0.1 on any port, application.properties.)
 */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FrontDoorTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    private final String management = ManagementPort.root();

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aHostTheGatewayDoesNotServeIsRefusedBeforeReachingAService() {
        // the complaint service builds a 201's Location from the host it is told: it must never be told this one
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .header("Host", "evil.example").contentType("application/json").body("{\"subject\":\"x\"}")
                .when().post("/api/v1/me/complaints")
                .then().extract();

        assertProblem(response, 421);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aHostOnlyEndingInAnAllowedNameIsRefusedToo() {
        assertProblem(given().auth().oauth2(TOKENS.customer("alice")).header("Host", "localhost.evil.example:" + RestAssured.port)
                .when().get("/api/v1/me/inbox").then().extract(), 421);
        assertProblem(given().header("Host", "evil.example").when().get("/admin/config.json").then().extract(), 421);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void anAllowedHostIsServedWhateverItsCase() {
        given().auth().oauth2(TOKENS.customer("alice")).header("Host", "LocalHost:" + RestAssured.port)
                .when().get("/api/v1/me/inbox").then().statusCode(200);

        assertThat(upstreams.get("notification").onlyRequest().header("X-Forwarded-Host")).isEqualTo("LocalHost:" + RestAssured.port);
    }

    @Test
    void probesReachTheManagementEndpointsByAnyName() {
        // Kubernetes calls them by the pod's address, on the management port
        given().header("Host", "10.1.2.3:8080").when().get(management + "/health/live").then().statusCode(200);
    }

    @Test
    void anApiAnswerIsNeverStoredAndCarriesTheSecurityHeaders() {
        upstreams.get("complaint").answer(200, Map.of("Content-Type", "application/json",
                "Cache-Control", "public, max-age=600"), "{\"items\":[]}");

        given().auth().oauth2(TOKENS.customer("alice")).when().get("/api/v1/me/complaints")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", "max-age=31536000")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void theGatewaysOwnProblemsCarryThemToo() {
        given().when().get("/api/v1/me/complaints")
                .then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", "max-age=31536000")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", API_CSP);
    }

    @Test
    void theConsoleKeepsItsOwnContentSecurityPolicy() {
        given().when().get("/admin/config.json")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:18080"))
                .header("Strict-Transport-Security", "max-age=31536000")
                .header("Cache-Control", not("no-store"));
    }
}
