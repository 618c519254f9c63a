package io.careline.claimcare;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service checks every caller's token itself, with real tokens from the local Keycloak. The secured path is
 * the test-only {@link SecuredProbeResource}; every business endpoint's roles are in {@link AccessMatrixTest}.
 */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBE = "/api/v1/security-probe";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Test
    void withoutATokenTheAnswerIsAnUnauthorizedProblem() {
        given().when().get(PROBE)
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("instance", equalTo(PROBE));
    }

    @Test
    void aTokenKeycloakDidNotSignIsRefused() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get(PROBE)
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void aCustomerTokenIsVerifiedButDoesNotCarryTheRole() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get(PROBE)
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(403));
    }

    @Test
    void aCoordinatorPasses() {
        given().auth().oauth2(TOKENS.staff("cora"))
                .when().get(PROBE)
                .then().statusCode(200)
                .body(equalTo("coordinator"));
    }

    @Test
    void aStaffRoleDoesNotCountThroughTheMobileApp() {
        // cora is a coordinator; signed in through the customers' app, her token is nobody's here
        String throughTheApp = TOKENS.signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "cora", "cora");
        given().auth().oauth2(throughTheApp)
                .when().get(PROBE)
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void aCustomerSignedInToTheConsoleIsNoCustomerHere() {
        String throughTheConsole = TOKENS.signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "alice", "alice");
        given().auth().oauth2(throughTheConsole)
                .when().get("/api/v1/me/claims")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/claims")
                .then().statusCode(200);
    }

    @Test
    void anIdTokenIsNoAccessToken() {
        String idToken = TOKENS.idToken(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "alice", "alice");
        given().auth().oauth2(idToken)
                .when().get("/api/v1/me/claims")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void anUnsignedTokenIsRefusedWhateverItClaims() {
        // alice's real claims under a header that says no signature is needed
        String claims = TOKENS.customer("alice").split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(header + "." + claims + ".")
                .when().get("/api/v1/me/claims")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void anEndpointWithoutASecurityAnnotationIsDenied() {
        given().auth().oauth2(TOKENS.staff("cora"))
                .when().get(PROBE + "/unannotated")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        given().when().get("/api/v1/me/care")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/care")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(404));
    }
}
