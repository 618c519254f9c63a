package io.careline.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Without its store the service is not ready, and a request gets 503 with Retry-After, never a 500. */
@QuarkusTest
@TestProfile(StoreAwayProfile.class)
class StoreAwayTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Test
    void aStoreThatCannotBeReachedIs503WithRetryAfterAndNotReady() {
        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "s", "description", "d"))
                .post("/api/v1/me/complaints").then()
                .statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("status", equalTo(503))
                .body("detail", not(containsString("Exception")));
        given().auth().oauth2(TOKENS.customer("alice")).get("/api/v1/me/complaints").then().statusCode(503);

        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
