package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.CAROL;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.carol;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.customer.repository.CustomerRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A customer's own profile: made at the first sign-in from the token, and only some fields theirs to change. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class MyProfileTest {

    @Inject
    CustomerRepository repository;

    @Test
    void theFirstSignInMakesTheProfileFromTheTokenOnce() {
        repository.deleteById(CAROL).await().indefinitely(); // as before her first sign-in, whatever ran before
        given().auth().oauth2(carol()).when().get("/api/v1/me/profile")
                .then().statusCode(200)
                .body("customerId", equalTo(CAROL))
                .body("displayName", equalTo("Carol Wang"))
                .body("givenName", equalTo("Carol"))
                .body("emails[0].address", equalTo("carol@demo.careline.test"))
                .body("emails[0].verified", equalTo(true));
        given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200);

        assertThat(stored(repository, CAROL).createdBy).isEqualTo("sign-in");
        given().auth().oauth2(agnes()).queryParam("q", CAROL).when().get("/api/v1/customers")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aFirstSignInFromTwoDevicesAtOnceMakesOneProfile() throws Exception {
        // once carol's earlier events are out (the topic keeps them), her document can go
        int before = events(repository, CAROL, "CustomerProfileChanged").size();
        repository.deleteById(CAROL).await().indefinitely();
        String token = carol();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(token).when().get("/api/v1/me/profile")
                        .then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(repository, CAROL, "CustomerProfileChanged")).hasSize(before + 1);
    }

    @Test
    void aCustomerChangesTheFieldsThatAreTheirsAndTheChangeIsAnnounced() {
        given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200);
        int before = events(repository, CAROL, "CustomerProfileChanged").size();
        String phone = freshPhone();

        edit(Map.of("displayName", "Carol W.", "locale", "zh-CN", "timezone", "Asia/Shanghai",
                "phones", List.of(Map.of("number", phone)), "preferredChannel", "sms",
                "pushTokens", List.of(Map.of("token", "fcm-token-1", "platform", "android"))))
                .statusCode(200)
                .body("displayName", equalTo("Carol W."))
                .body("timezone", equalTo("Asia/Shanghai"))
                .body("phones[0].number", equalTo(phone))
                .body("phones[0].verified", equalTo(false)) // a customer cannot vouch for a number
                .body("emails[0].verified", equalTo(true)) // left out: kept
                .body("preferredChannel", equalTo("sms"));

        var announced = events(repository, CAROL, "CustomerProfileChanged");
        assertThat(announced).hasSize(before + 1);
        assertThat(announced.get(announced.size() - 1).path("data").path("timezone").asText()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void whatIsNotTheCustomersToChangeIsRefusedNamingTheField() {
        edit(Map.of("customerId", "C-1002")).statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("customerId"));
        edit(Map.of("birthday", "1990-01-01")).statusCode(400).body("errors[0].field", equalTo("birthday"));
        edit(Map.of("region", "south")).statusCode(400).body("errors[0].field", equalTo("region"));
        edit(Map.of("emails", List.of(Map.of("address", "me@example.org", "verified", true)))).statusCode(400)
                .body("errors[0].field", equalTo("emails[0].verified"));
        edit(Map.of("timezone", "Nowhere/City")).statusCode(400).body("errors[0].field", equalTo("timezone"));
        edit(Map.of("displayName", "  ")).statusCode(400).body("errors[0].field", equalTo("displayName"));
        edit(Map.of("preferredChannel", "fax")).statusCode(400).body("errors[0].field", equalTo("preferredChannel"));

        given().auth().oauth2(carol()).when().get("/api/v1/me/profile").then().statusCode(200)
                .body("customerId", equalTo(CAROL));
    }

    @Test
    void aCustomerCannotTakeAnotherCustomersVerifiedContactNorVerifyOne() {
        String email = freshEmail();
        customerWith(freshPhone(), email);

        // unverified, it claims nothing, so it is accepted as an unverified address
        edit(Map.of("emails", List.of(Map.of("address", "carol@demo.careline.test"), Map.of("address", email))))
                .statusCode(200)
                .body("emails.find { it.address == '" + email + "' }.verified", equalTo(false))
                .body("emails.find { it.address == 'carol@demo.careline.test' }.verified", equalTo(true));
    }

    private static ValidatableResponse edit(Map<String, Object> body) {
        return given().auth().oauth2(carol()).contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/me/profile").then();
    }
}
