package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.healthyAdult;
import static io.careline.claimcare.CareTestSupport.paidClaim;
import static io.careline.claimcare.CareTestSupport.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A customer's own claims and their timeline, from the customer id in their token only. */
@QuarkusTest
class MyClaimsTest {

    private static final String PATH = "/api/v1/me/claims";
    private final Instant visit = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aCustomerSeesTheirClaimAndItsTimeline() {
        String ref = uniqueRef("ACME");
        String id = paidClaim(ref, "C-1001", visit, Duration.ofMinutes(27), false, healthyAdult());

        given().auth().oauth2(TOKENS.customer("alice")).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("claimRef", equalTo(ref))
                .body("status", equalTo("PAID"))
                .body("visitToPaymentSeconds", equalTo(27 * 60))
                .body("timeline.status", contains("REPORTED", "DOCUMENTS_COLLECTED", "PAID"))
                .body("timeline[1].occurredAt", equalTo(visit.toString()));
        given().auth().oauth2(TOKENS.customer("alice")).when().get(PATH + "?size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.customerId", everyItem(equalTo("C-1001")))
                .body("items[0].timeline", equalTo(null));
    }

    @Test
    void anotherCustomersClaimIsNotFound() {
        String id = paidClaim(uniqueRef("ACME"), "C-1001", visit, Duration.ofMinutes(20), false, healthyAdult());

        given().auth().oauth2(TOKENS.customer("bob")).when().get(PATH + "/" + id)
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("bob")).when().get(PATH + "?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyCustomersReachTheirClaims() {
        String id = paidClaim(uniqueRef("ACME"), "C-1001", visit, Duration.ofMinutes(20), false, healthyAdult());
        given().when().get(PATH).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().get(PATH + "/" + id).then().statusCode(401);
        for (String token : List.of(TOKENS.partner(), TOKENS.staff("cora"), TOKENS.staff("victor"))) {
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403).contentType(startsWith(PROBLEM));
            given().auth().oauth2(token).when().get(PATH + "/" + id).then().statusCode(403);
        }
        given().auth().oauth2(TOKENS.customer("alice")).when().get(PATH + "?page=-1")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }
}
