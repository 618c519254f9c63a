package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.ALICE;
import static io.careline.customer.CustomerTestSupport.BOB;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.TOKENS;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.customer.repository.CustomerRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every kind of caller: anonymous (401), a role the endpoint is not for (403), the customer whose
 * data it is (2xx), another customer (404, as if it did not exist), staff by role, the partner who owns a customer
 * (2xx) and another partner (404). Each problem answer is application/problem+json.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class AccessMatrixTest {

    private static final List<String> CALLERS = List.of("anonymous", "alice", "bob", "agnes", "sam", "ada", "mia", "acme", "globex");

    @Inject
    CustomerRepository repository;

    private record Call(String method, String path, Object body, Map<String, Integer> expected) {
    }

    @Test
    void everyEndpointAnswersEachCallerAsItMay() {
        // fixtures: a staff-made customer, alice's subscriptions (one to confirm, one to cancel), a partner's customer
        String someone = customerWith(freshPhone(), freshEmail());
        String erasable = customerWith(freshPhone(), freshEmail());
        String toConfirm = subscribe("market-prices");
        String code = events(repository, ALICE, "SubscriptionConfirmationRequested").stream()
                .map(event -> event.path("data")).filter(data -> data.path("subscriptionId").asText().equals(toConfirm))
                .findFirst().orElseThrow().path("code").asText();
        String toCancel = subscribe("ringback-tones");
        String byAgent = subscribe("news-daily");
        given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON).body(Map.of("displayName", "Matrix"))
                .when().put("/api/partner/v1/customers/MATRIX-1").then().statusCode(201);
        // legal holds on alice and bob, so their own erasure requests reach the service (409) without erasing them
        for (String customer : List.of(ALICE, BOB)) {
            given().auth().oauth2(TOKENS.customer(customer.equals(ALICE) ? "alice" : "bob")).when().get("/api/v1/me/profile")
                    .then().statusCode(200);
            given().auth().oauth2(TOKENS.staff("ada")).contentType(ContentType.JSON).body(Map.of("active", true, "reason", "matrix"))
                    .when().put("/api/v1/customers/" + customer + "/legal-hold").then().statusCode(200);
        }

        String me = "/api/v1/me";
        String c = "/api/v1/customers/";
        List<Call> calls = List.of(
                call("GET", me + "/profile", null, Map.of("alice", 200, "bob", 200)),
                call("PATCH", me + "/profile", Map.of("preferredChannel", "email"), Map.of("alice", 200, "bob", 200)),
                call("GET", me + "/consents", null, Map.of("alice", 200, "bob", 200)),
                call("PUT", me + "/consents", Map.of("consents", List.of(Map.of("purpose", "service", "channel", "any",
                        "granted", true))), Map.of("alice", 200, "bob", 200)),
                call("GET", me + "/subscriptions", null, Map.of("alice", 200, "bob", 200)),
                call("POST", me + "/subscriptions", Map.of("product", "weather-alerts", "channel", "in_app"), Map.of("alice", 201, "bob", 201)),
                call("POST", me + "/subscriptions/" + toConfirm + "/confirm", Map.of("code", code), Map.of("bob", 404, "alice", 200)),
                call("DELETE", me + "/subscriptions/" + toCancel, null, Map.of("bob", 404, "alice", 200)),
                call("GET", me + "/export", null, Map.of("alice", 200, "bob", 200)),
                call("GET", me + "/erasure", null, Map.of("alice", 200, "bob", 200)),
                call("POST", me + "/erasure", null, Map.of("alice", 409, "bob", 409)),
                call("POST", "/api/v1/customers", Map.of("displayName", "Made in the matrix"), Map.of("agnes", 201, "sam", 201)),
                call("GET", "/api/v1/customers?q=Matrix", null, Map.of("agnes", 200, "sam", 200, "ada", 200)),
                call("GET", c + someone, null, Map.of("agnes", 200, "sam", 200, "ada", 200)),
                call("GET", c + "C-999999", null, Map.of("agnes", 404, "sam", 404, "ada", 404)),
                call("GET", c + someone + "/consents", null, Map.of("agnes", 200, "sam", 200, "ada", 200)),
                call("PUT", c + someone + "/consents", Map.of("consents", List.of(Map.of("purpose", "service", "channel", "sms",
                        "granted", true))), Map.of("agnes", 200, "sam", 200)),
                call("PUT", c + "C-999999/consents", Map.of("consents", List.of(Map.of("purpose", "service", "channel", "sms",
                        "granted", true))), Map.of("agnes", 404, "sam", 404)),
                call("GET", c + someone + "/subscriptions", null, Map.of("agnes", 200, "sam", 200, "ada", 200)),
                call("POST", c + ALICE + "/subscriptions/" + byAgent + "/cancel", null, Map.of("agnes", 200, "sam", 200)),
                call("POST", c + ALICE + "/subscriptions/S-000000000000/cancel", null, Map.of("agnes", 404, "sam", 404)),
                call("PUT", c + erasable + "/legal-hold", Map.of("active", false), Map.of("ada", 200)),
                call("POST", c + erasable + "/erasure", null, Map.of("ada", 202)),
                call("GET", c + erasable + "/erasure", null, Map.of("ada", 200)),
                call("GET", c + someone + "/export", null, Map.of("ada", 200)),
                call("GET", c + "C-999999/export", null, Map.of("ada", 404)),
                call("POST", "/api/v1/ops/customer/greetings/run", null, Map.of("ada", 202)),
                call("PUT", "/api/partner/v1/customers/MATRIX-1", Map.of("displayName", "Matrix", "region", "east"), Map.of("acme", 200, "globex", 201)),
                call("GET", "/api/partner/v1/customers/MATRIX-2", null, Map.of("acme", 404, "globex", 404)),
                call("GET", "/api/partner/v1/customers/MATRIX-1", null, Map.of("acme", 200, "globex", 200)));

        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            for (String caller : CALLERS) {
                int expected = call.expected().get(caller);
                Response response = send(caller, call);
                if (response.statusCode() != expected) {
                    wrong.add(call.method() + " " + call.path() + " as " + caller + ": " + response.statusCode()
                            + " instead of " + expected + " " + response.asString());
                } else if (expected >= 400 && !response.contentType().startsWith(PROBLEM)) {
                    wrong.add(call.method() + " " + call.path() + " as " + caller + ": no problem details");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void globexFindsNoneOfAcmesCustomers() {
        given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON).body(Map.of("displayName", "Acme only"))
                .when().put("/api/partner/v1/customers/ONLY-ACME").then().statusCode(201);
        given().auth().oauth2(TOKENS.otherPartner()).when().get("/api/partner/v1/customers/ONLY-ACME").then().statusCode(404);
    }

    @Test
    void theSmsWebhookTakesNoTokenButASignature() {
        for (String caller : CALLERS) {
            RequestSpecification request = authorised(caller);
            request.contentType(ContentType.JSON).body("{\"from\":\"+491511234567\",\"text\":\"STOP\"}")
                    .when().post("/api/v1/webhooks/sms").then().statusCode(401);
        }
    }

    /** Expected answers: those given, 401 for anonymous, 403 for everyone else. */
    private static Call call(String method, String path, Object body, Map<String, Integer> given) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            expected.put(caller, given.getOrDefault(caller, caller.equals("anonymous") ? 401 : 403));
        }
        return new Call(method, path, body, expected);
    }

    private String subscribe(String product) {
        return given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .body(Map.of("product", product, "channel", "email"))
                .when().post("/api/v1/me/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static Response send(String caller, Call call) {
        RequestSpecification request = authorised(caller);
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.when().request(call.method(), call.path());
    }

    private static RequestSpecification authorised(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "alice", "bob" -> given().auth().oauth2(TOKENS.customer(caller));
            case "acme" -> given().auth().oauth2(TOKENS.partner());
            case "globex" -> given().auth().oauth2(TOKENS.otherPartner());
            default -> given().auth().oauth2(TOKENS.staff(caller));
        };
    }
}
