package io.careline.gateway;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Nothing passes the gateway without a valid token from the careline realm issued for careline-api. */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void noTokenIs401WithAProblemAndReachesNoService() {
        ExtractableResponse<Response> response = given()
                .contentType("application/json").body("{\"subject\":\"Charged twice\"}")
                .when().post("/api/v1/me/complaints")
                .then().extract();

        assertUnauthorized(response);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aTokenThatIsNotAJwtIs401() {
        assertUnauthorized(given().auth().oauth2("not-a-token").when().get("/api/v1/me/inbox").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aRealTokenWithAlteredClaimsIs401() {
        // alice's token, with her customer id swapped for bob's: the signature no longer matches
        String[] parts = TOKENS.customer("alice").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"customer_id\":\"C-1001\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace("C-1001", "C-1002").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertUnauthorized(given().auth().oauth2(forged).when().get("/api/v1/me/profile").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aRealTokenIssuedForAnotherAudienceIs401() {
        // signed by the careline realm, for alice, but by Keycloak's account console: no careline-api audience
        String token = TOKENS.signIn("account-console", KeycloakTokens.DEFAULT_URL + "/realms/careline/account/",
                "alice", "alice");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"http://127.0.0.1:18080/realms/careline\"").doesNotContain("careline-api");

        assertUnauthorized(given().auth().oauth2(token).when().get("/api/v1/me/complaints").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        String idToken = TOKENS.idToken(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "alice", "alice");
        assertUnauthorized(given().auth().oauth2(idToken).when().get("/api/v1/me/complaints").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void anUnsignedTokenIsRefusedWhateverItClaims() {
        String claims = TOKENS.customer("alice").split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(given().auth().oauth2(header + "." + claims + ".").when().get("/api/v1/me/complaints").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aProvidersWebhookPassesWithoutATokenWithItsSignatureHeadersAndBody() {
        given().header("X-Timestamp", "1700000000").header("X-Signature", "abc123")
                .contentType("application/json").body("{\"from\":\"+8613800000000\",\"text\":\"STOP news-daily\"}")
                .when().post("/api/v1/webhooks/sms")
                .then().statusCode(200);

        var received = upstreams.get("customer").onlyRequest();
        assertThat(received.header("X-Signature")).isEqualTo("abc123");
        assertThat(received.header("X-Timestamp")).isEqualTo("1700000000");
        assertThat(received.body()).isEqualTo("{\"from\":\"+8613800000000\",\"text\":\"STOP news-daily\"}");
    }

    @Test
    void onlyTheWebhookPathsArePublic() {
        // a path that merely begins like a webhook one, and the customer service's other paths, still need a token
        assertUnauthorized(given().when().post("/api/v1/webhooksX").then().extract());
        assertUnauthorized(given().when().get("/api/v1/customers").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void basicCredentialsAreNoBearerToken() {
        assertUnauthorized(given().auth().preemptive().basic("alice", "alice").when().get("/api/v1/me/care").then().extract());
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aPathNoServiceOwnsIsStill401WithoutAToken() {
        // the gateway does not tell strangers which paths exist
        assertUnauthorized(given().when().get("/api/v1/admin/secrets").then().extract());
    }

    @Test
    void theSameRealTokenPasses() {
        given().auth().oauth2(TOKENS.customer("alice")).when().get("/api/v1/me/profile").then().statusCode(200);
        assertThat(upstreams.get("customer").onlyRequest().uri()).isEqualTo("/api/v1/me/profile");
    }

    private static void assertUnauthorized(ExtractableResponse<Response> response) {
        JsonPath problem = assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(problem.getString("title")).isEqualTo("Unauthorized");
        assertThat(response.header("X-Request-Id")).isNotBlank().isEqualTo(problem.getString("requestId"));
    }
}
