package io.careline.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;

/** The operator endpoint the outbox library adds to the service: admins only, under the service's own name. */
@QuarkusTest
class OutboxOpsResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OPS = "/api/v1/ops/complaint/outbox";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Test
    void anAdminListsParkedEvents() {
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("page", 0).queryParam("size", 5)
                .when().get(OPS + "/parked")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(5));
    }

    @Test
    void customersAndAgentsAreForbiddenAndAnonymousCallersUnauthorized() {
        for (String token : new String[] { TOKENS.customer("alice"), TOKENS.staff("agnes") }) {
            given().auth().oauth2(token).when().get(OPS + "/parked")
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
            given().auth().oauth2(token).when().post(OPS + "/" + UUID.randomUUID() + "/retry")
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
            given().auth().oauth2(token).when().post(OPS + "/" + UUID.randomUUID() + "/discard")
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
        }
        given().when().get(OPS + "/parked").then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().post(OPS + "/" + UUID.randomUUID() + "/retry").then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    @Test
    void anUnknownEventOrAnotherServicesNameIsANotFoundProblem() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + unknown + "/retry")
                .then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("detail", equalTo("no parked outbox event " + unknown));
        given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + unknown + "/discard")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.staff("ada")).when().get("/api/v1/ops/claim-care/outbox/parked")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void aPageOutOfRangeIsABadRequestNamingTheParameter() {
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("size", 1000)
                .when().get(OPS + "/parked")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("size"));
    }
}
