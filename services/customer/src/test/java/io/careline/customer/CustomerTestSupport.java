package io.careline.customer;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.CustomerRepository;
import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** What the customer service's tests share: real tokens, fresh contacts, and the events a change published. */
final class CustomerTestSupport {

    static final String PROBLEM = "application/problem+json";
    static final KeycloakTokens TOKENS = KeycloakTokens.local();
    static final String ALICE = "C-1001";
    static final String BOB = "C-1002";
    static final String CAROL = "C-1003";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private CustomerTestSupport() {
    }

    static String alice() {
        return TOKENS.customer("alice");
    }

    static String bob() {
        return TOKENS.customer("bob");
    }

    static String carol() {
        return TOKENS.customer("carol");
    }

    static String agnes() {
        return TOKENS.staff("agnes");
    }

    static String ada() {
        return TOKENS.staff("ada");
    }

    /** A phone number no other test uses, in E.164. */
    static String freshPhone() {
        return "+4915" + String.format("%09d", NEXT.incrementAndGet());
    }

    static String freshEmail() {
        return "someone" + NEXT.incrementAndGet() + "@example.org";
    }

    static ValidatableResponse agentCreates(Map<String, Object> profile) {
        return given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(profile)
                .when().post("/api/v1/customers").then();
    }

    /** A customer created by an agent with a verified phone and e-mail; returns the id. */
    static String customerWith(String phone, String email) {
        return agentCreates(Map.of("givenName", "Test", "familyName", "Person",
                "phones", List.of(Map.of("number", phone, "verified", true)),
                "emails", List.of(Map.of("address", email, "verified", true))))
                .statusCode(201).extract().path("customerId");
    }

    static Customer stored(CustomerRepository repository, String customerId) {
        return repository.findById(customerId).await().indefinitely();
    }

    /**
     * The envelopes of the customer's events of this type published to Kafka, oldest first, once everything the
     * customer's document held for the relay has gone out.
     */
    static List<JsonNode> events(CustomerRepository repository, String customerId, String type) {
        return CustomerTopic.events(repository, customerId, type);
    }
}
