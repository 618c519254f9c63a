package io.careline.gateway.overview;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.careline.gateway.testing.FakeUpstream;
import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The app's home screen in one call: every part with the caller's token, and the rest when one part fails. */
@QuarkusTest
@TestProfile(MobileOverviewTest.SmallCircuits.class)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the open circuit outlives its test: that one runs last
class MobileOverviewTest {

    /**
     * A part waits at most 5 s (ample for a healthy fake, even on a busy machine); a circuit opens after 4 calls of
     * which half failed, and stays open a minute.
     */
    public static class SmallCircuits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("careline.gateway.overview.part-timeout", "5s",
                    "careline.gateway.overview.circuit-window", "4",
                    "careline.gateway.overview.circuit-delay", "60s");
        }
    }

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void everyPartComesFromItsServiceWithTheCallersOwnToken() {
        String alice = TOKENS.customer("alice");
        upstreams.get("complaint").answer(200, Map.of("Content-Type", "application/json"),
                "{\"items\":[{\"reference\":\"CMP-1\"}],\"total\":1}");

        JsonPath overview = given().auth().oauth2(alice).when().get("/api/v1/me/overview")
                .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .extract().jsonPath();

        assertThat(overview.getBoolean("partial")).isFalse();
        assertThat(overview.getList("unavailable")).isEmpty();
        assertThat(overview.getString("complaints.items[0].reference")).isEqualTo("CMP-1");
        assertThat(overview.getString("profile.service")).isEqualTo("customer");
        assertThat(overview.getString("claims.service")).isEqualTo("claim-care");
        assertThat(overview.getString("inbox.service")).isEqualTo("notification");

        FakeUpstream.Received complaints = upstreams.get("complaint").onlyRequest();
        assertThat(complaints.uri()).isEqualTo("/api/v1/me/complaints?size=5");
        assertThat(complaints.header("Authorization")).isEqualTo("Bearer " + alice);
        assertThat(upstreams.get("customer").onlyRequest().header("Authorization")).isEqualTo("Bearer " + alice);
    }

    @Test
    void aSlowOrFailingServiceLeavesOnlyItsPartOut() {
        upstreams.get("claim-care").answerAfter(Duration.ofSeconds(60));
        upstreams.get("notification").answer(503, Map.of("Content-Type", "application/problem+json"), "{}");

        JsonPath overview = given().auth().oauth2(TOKENS.customer("bob")).when().get("/api/v1/me/overview")
                .then().statusCode(200).extract().jsonPath();

        assertThat(overview.getBoolean("partial")).isTrue();
        assertThat(overview.getMap("unavailable.find { it.part == 'claims' }")).containsEntry("reason", "timeout");
        assertThat(overview.getMap("unavailable.find { it.part == 'inbox' }")).containsEntry("reason", "the service answered 503");
        assertThat(overview.getString("profile.service")).isEqualTo("customer");
        assertThat(overview.getString("complaints.service")).isEqualTo("complaint");
        assertThat(overview.getString("claims")).isNull();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aServiceThatKeepsFailingIsLeftAloneWhileItsCircuitIsOpen() {
        upstreams.get("customer").stop();
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(TOKENS.customer("carol")).when().get("/api/v1/me/overview").then().statusCode(200);
        }
        upstreams.get("customer").reset(); // back, but the circuit stays open for its delay

        JsonPath overview = given().auth().oauth2(TOKENS.customer("carol")).when().get("/api/v1/me/overview")
                .then().statusCode(200).extract().jsonPath();

        assertThat(overview.getMap("unavailable.find { it.part == 'profile' }")).containsEntry("reason", "circuit-open");
        assertThat(upstreams.get("customer").received()).isEmpty();
        assertThat(overview.getString("complaints.service")).isEqualTo("complaint");
    }

    @Test
    void aRefusalIsThePartsAnswerNotAFailure() {
        upstreams.get("claim-care").answer(403, Map.of("Content-Type", "application/problem+json"), "{}");
        for (int i = 0; i < 6; i++) {
            JsonPath overview = given().auth().oauth2(TOKENS.customer("alice")).when().get("/api/v1/me/overview")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(overview.getMap("unavailable.find { it.part == 'claims' }")).containsEntry("reason", "refused (403)");
        }
        // six refusals opened no circuit: the service was asked every time
        assertThat(upstreams.get("claim-care").received()).hasSize(6);
    }

    @Test
    void onlyACustomerHasAnOverview() {
        assertProblem(given().auth().oauth2(TOKENS.staff("agnes")).when().get("/api/v1/me/overview").then().extract(), 403);
        assertProblem(given().when().get("/api/v1/me/overview").then().extract(), 401);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aCustomerSignedInToTheConsoleIsNoCustomerThere() {
        // the same rule as every service's: the customer role counts only in a token of the mobile app
        String aliceInTheConsole = TOKENS.signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "alice", "alice");
        assertProblem(given().auth().oauth2(aliceInTheConsole).when().get("/api/v1/me/overview").then().extract(), 403);
        assertThat(upstreams.receivedCount()).isZero();
    }
}
