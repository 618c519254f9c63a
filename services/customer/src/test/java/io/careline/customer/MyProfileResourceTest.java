package io.careline.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The service checks every caller's token itself, with real tokens from the local Keycloak. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class MyProfileResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Test
    void withoutATokenTheAnswerIsAnUnauthorizedProblem() {
        given().when().get("/api/v1/me/profile")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("instance", equalTo("/api/v1/me/profile"));
    }

    @Test
    void aTokenKeycloakDidNotSignIsRefused() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .when().get("/api/v1/me/profile")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void aCustomerIsWhoTheirTokenSays() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/profile")
                .then().statusCode(200)
                .body("customerId", equalTo("C-1001"));
        given().auth().oauth2(TOKENS.customer("bob"))
                .when().get("/api/v1/me/profile")
                .then().statusCode(200)
                .body("customerId", equalTo("C-1002"));
    }

    @Test
    void staffAndPartnersAreNotCustomers() {
        given().auth().oauth2(TOKENS.staff("agnes"))
                .when().get("/api/v1/me/profile")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(403));
        given().auth().oauth2(TOKENS.partner())
                .when().get("/api/v1/me/profile")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/nothing-here")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(404));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}")
                .when().post("/api/v1/me/profile")
                .then().statusCode(413);
    }
}
