package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.CAROL;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.ada;
import static io.careline.customer.CustomerTestSupport.agentCreates;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.carol;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.ErasureService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Erasure pseudonymises here, is announced, is blocked by a legal hold, and is tracked service by service. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ErasureTest {

    @Inject
    CustomerRepository repository;

    @Inject
    ErasureService erasures;

    @Test
    void aLegalHoldBlocksErasureWithAProblemSayingSo() {
        String id = customerWith(freshPhone(), freshEmail());
        hold(id, true, "court order 2026/114").statusCode(200).body("legalHold", equalTo(true));

        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure")
                .then().statusCode(409).contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://careline.io/problems/legal-hold"))
                .body("detail", containsString("legal hold"))
                .body("detail", containsString("court order 2026/114"));
        assertThat(stored(repository, id).erased()).isFalse();
        assertThat(events(repository, id, "CustomerErased")).isEmpty();

        hold(id, false, null).statusCode(200).body("legalHold", equalTo(false));
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
    }

    @Test
    void erasurePseudonymisesKeepsTheCountsAndIsAnnounced() {
        String phone = freshPhone();
        String id = agentCreates(Map.of("givenName", "Erin", "familyName", "Erase", "birthday", "1980-02-02",
                "region", "north", "phones", List.of(Map.of("number", phone, "verified", true))))
                .statusCode(201).extract().path("customerId");

        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure")
                .then().statusCode(202)
                .body("status", equalTo("in_progress"))
                .body("services.service", equalTo(List.of("complaint", "claim-care", "notification")))
                .body("services.confirmed", equalTo(List.of(false, false, false)));

        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("displayName", equalTo(Customer.ERASED))
                .body("givenName", equalTo(Customer.ERASED))
                .body("familyName", equalTo(Customer.ERASED))
                .body("birthday", org.hamcrest.Matchers.nullValue())
                .body("phones", equalTo(List.of()))
                .body("region", equalTo("north"))
                .body("erased", equalTo(true));
        Customer erased = stored(repository, id);
        assertThat(erased.verifiedContacts).isNull();
        assertThat(events(repository, id, "CustomerErased")).singleElement()
                .satisfies(event -> assertThat(event.path("data").path("customerId").asText()).isEqualTo(id));
        var snapshots = events(repository, id, "CustomerProfileChanged");
        assertThat(snapshots.get(snapshots.size() - 1).path("data").path("displayName").asText()).isEqualTo(Customer.ERASED);

        // asking again changes nothing and announces nothing
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(200);
        assertThat(events(repository, id, "CustomerErased")).hasSize(1);
        // the phone is free again
        customerWith(phone, freshEmail());
    }

    @Test
    void eachServicesConfirmationIsRecordedOnceAndTheErasureCompletesWithTheLast() {
        String id = customerWith(freshPhone(), freshEmail());
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
        Instant at = Instant.parse("2026-11-23T07:00:00Z");

        assertThat(erasures.recordConfirmation(id, "complaint", at).await().indefinitely()).isTrue();
        assertThat(erasures.recordConfirmation(id, "complaint", at.plusSeconds(5)).await().indefinitely()).isFalse();
        assertThat(erasures.recordConfirmation(id, "billing", at).await().indefinitely()).isFalse();
        assertThat(status(id).getString("status")).isEqualTo("in_progress");
        assertThat(status(id).getString("services.find { it.service == 'complaint' }.confirmedAt")).isEqualTo(at.toString());

        erasures.recordConfirmation(id, "claim-care", at).await().indefinitely();
        erasures.recordConfirmation(id, "notification", at).await().indefinitely();

        JsonPath complete = status(id);
        assertThat(complete.getString("status")).isEqualTo("complete");
        assertThat(complete.getList("services.confirmed")).containsOnly(true);
        assertThat(stored(repository, id).erasure.confirmations).hasSize(3);
    }

    @Test
    void aConfirmationForACustomerNotBeingErasedIsNotRecorded() {
        String id = customerWith(freshPhone(), freshEmail());
        assertThat(erasures.recordConfirmation(id, "complaint", Instant.now()).await().indefinitely()).isFalse();
        assertThat(status(id).getString("status")).isEqualTo("not_requested");
    }

    @Test
    void aCustomerErasesThemselvesAndExportsWhatIsLeft() {
        try {
            given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200);
            JsonPath before = given().auth().oauth2(carol()).when().get("/api/v1/me/export").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(before.getString("services.customer.profile.displayName")).isEqualTo("Carol Wang");
            assertThat(before.getList("notYetIncluded")).contains("complaint", "claim-care", "notification");

            given().auth().oauth2(carol()).when().post("/api/v1/me/erasure").then().statusCode(202)
                    .body("status", equalTo("in_progress"));
            given().auth().oauth2(carol()).when().get("/api/v1/me/erasure").then().statusCode(200)
                    .body("status", equalTo("in_progress"));
            JsonPath after = given().auth().oauth2(carol()).when().get("/api/v1/me/export").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(after.getString("services.customer.profile.displayName")).isEqualTo(Customer.ERASED);
            assertThat(after.getList("services.customer.profile.emails")).isEmpty();
            assertThat(stored(repository, CAROL).erasure.requestedBy).isEqualTo("customer");

            // an erased profile is no longer the customer's to fill in again
            given().auth().oauth2(carol()).contentType(ContentType.JSON).body(Map.of("displayName", "Back"))
                    .when().patch("/api/v1/me/profile").then().statusCode(409);
        } finally {
            // carol is shared with other tests: her next request makes her profile again from her token
            repository.deleteById(CAROL).await().indefinitely();
        }
    }

    @Test
    void anAdminExportsACustomer() {
        String id = customerWith(freshPhone(), freshEmail());
        given().auth().oauth2(ada()).when().get("/api/v1/customers/" + id + "/export").then().statusCode(200)
                .body("customerId", equalTo(id))
                .body("services.customer.profile.customerId", equalTo(id))
                .body("services.customer.consents.customerId", equalTo(id))
                .body("services.customer.subscriptions", equalTo(List.of()))
                .body("services.customer.erasure.status", equalTo("not_requested"));
    }

    private static io.restassured.response.ValidatableResponse hold(String id, boolean active, String reason) {
        Map<String, Object> body = reason == null ? Map.of("active", active) : Map.of("active", active, "reason", reason);
        return given().auth().oauth2(ada()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/customers/" + id + "/legal-hold").then();
    }

    private static JsonPath status(String id) {
        return given().auth().oauth2(ada()).when().get("/api/v1/customers/" + id + "/erasure").then().statusCode(200)
                .extract().jsonPath();
    }
}
