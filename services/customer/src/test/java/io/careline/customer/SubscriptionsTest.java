package io.careline.customer;

import static com.mongodb.client.model.Filters.eq;
import static io.careline.customer.CustomerTestSupport.ALICE;
import static io.careline.customer.CustomerTestSupport.BOB;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.alice;
import static io.careline.customer.CustomerTestSupport.bob;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Updates;

import io.careline.customer.repository.Customer.Phone;
import io.careline.customer.repository.Customer.Subscription;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.SmsSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Subscribing takes a second confirmation; each of the three ways out ends a subscription at once and says how. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class SubscriptionsTest {

    @Inject
    CustomerRepository repository;

    @Inject
    TestClock clock;

    @ConfigProperty(name = "careline.customer.sms-webhook.secret")
    String smsSecret;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSubscriptionStartsOnlyWithTheCodeSentAndIsAnnouncedOnce() {
        String id = request(alice(), "test-a", "email").statusCode(201)
                .header("Location", containsString("/api/v1/me/subscriptions/"))
                .body("status", equalTo("pending"))
                .body("codeChannel", equalTo("email"))
                .extract().path("id");
        JsonNode requested = requestedEvent(ALICE, id);
        String code = requested.path("code").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(requested.path("channel").asText()).isEqualTo("email");
        assertThat(Instant.parse(requested.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        Subscription kept = subscription(ALICE, id);
        assertThat(kept.codeHash).isNotBlank().doesNotContain(code);

        confirm(alice(), id, wrong(code)).statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("4 attempts left"));
        confirm(alice(), id, code).statusCode(200).body("status", equalTo("active")).body("confirmedAt", org.hamcrest.Matchers.notNullValue());
        confirm(alice(), id, code).statusCode(200).body("status", equalTo("active")); // a retry answers the same

        List<JsonNode> confirmed = dataOf(ALICE, "SubscriptionConfirmed", id);
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).path("product").asText()).isEqualTo("test-a");

        request(alice(), "test-a", "email").statusCode(409).body("errors[0].field", equalTo("product"));
        request(alice(), "no-such-product", null).statusCode(400).body("errors[0].field", equalTo("product"));
    }

    @Test
    void aCodeAfterItsExpiryIsGone() {
        String id = request(alice(), "test-b", "email").statusCode(201).extract().path("id");
        String code = requestedEvent(ALICE, id).path("code").asText();

        clock.advance(Duration.ofMinutes(16));

        confirm(alice(), id, code).statusCode(410).body("type", equalTo("https://careline.io/problems/code-expired"));
        assertThat(subscription(ALICE, id).status.name()).isEqualTo("expired");
        assertThat(dataOf(ALICE, "SubscriptionConfirmed", id)).isEmpty();
    }

    @Test
    void wrongCodesAreLimitedAndTheRightOneIsThenRefused() {
        String id = request(alice(), "test-c", "email").statusCode(201).extract().path("id");
        String code = requestedEvent(ALICE, id).path("code").asText();

        for (int attempt = 1; attempt <= 4; attempt++) {
            confirm(alice(), id, wrong(code)).statusCode(400);
        }
        confirm(alice(), id, wrong(code)).statusCode(400).body("errors[0].message", containsString("last attempt"));
        confirm(alice(), id, code).statusCode(409).body("type", equalTo("https://careline.io/problems/too-many-attempts"));
        assertThat(subscription(ALICE, id).status.name()).isEqualTo("expired");
    }

    @Test
    void theAppIsAWayOut() {
        String id = active(alice(), ALICE, "test-d");

        given().auth().oauth2(alice()).when().delete("/api/v1/me/subscriptions/" + id)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelChannel", equalTo("app"));
        given().auth().oauth2(alice()).when().delete("/api/v1/me/subscriptions/" + id).then().statusCode(200);

        List<JsonNode> cancelled = dataOf(ALICE, "SubscriptionCancelled", id);
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0).path("channel").asText()).isEqualTo("app");
        assertThat(cancelled.get(0).path("product").asText()).isEqualTo("test-d");
    }

    @Test
    void anAgentIsAWayOut() {
        String id = active(alice(), ALICE, "test-e");

        given().auth().oauth2(agnes()).when().post("/api/v1/customers/" + ALICE + "/subscriptions/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelChannel", equalTo("agent"));

        assertThat(subscription(ALICE, id).cancelledBy).isEqualTo("agnes");
        assertThat(dataOf(ALICE, "SubscriptionCancelled", id)).singleElement()
                .satisfies(data -> assertThat(data.path("channel").asText()).isEqualTo("agent"));
        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + ALICE + "/subscriptions")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.status", equalTo("cancelled"));
    }

    @Test
    void anSmsKeywordFromTheVerifiedPhoneIsAWayOut() {
        String phone = bobHasAVerifiedPhone();
        String id = active(bob(), BOB, "test-f");
        String other = active(bob(), BOB, "test-g");

        String body = "{\"from\":\"" + phone + "\",\"text\":\"stop TEST-F\",\"messageId\":\"gw-1\"}";
        sms(body, now(), SmsSignature.sign(smsSecret, now(), body)).statusCode(200)
                .body("outcome", equalTo("cancelled")).body("cancelled", equalTo(List.of(id)));

        assertThat(subscription(BOB, id).status.name()).isEqualTo("cancelled");
        assertThat(subscription(BOB, id).cancelChannel.name()).isEqualTo("sms");
        assertThat(subscription(BOB, other).status.name()).isEqualTo("active");
        assertThat(dataOf(BOB, "SubscriptionCancelled", id)).singleElement()
                .satisfies(data -> assertThat(data.path("channel").asText()).isEqualTo("sms"));

        // from a number that is no customer's verified phone, nothing happens
        String stranger = "{\"from\":\"" + freshPhone() + "\",\"text\":\"STOP\"}";
        sms(stranger, now(), SmsSignature.sign(smsSecret, now(), stranger)).statusCode(200).body("outcome", equalTo("ignored"));
        assertThat(subscription(BOB, other).status.name()).isEqualTo("active");
    }

    @Test
    void anSmsWithABadOrOldSignatureIsRefusedAndChangesNothing() {
        String phone = bobHasAVerifiedPhone();
        String id = active(bob(), BOB, "test-h");
        String body = "{\"from\":\"" + phone + "\",\"text\":\"STOP test-h\"}";

        sms(body, now(), SmsSignature.sign("another-secret", now(), body)).statusCode(401).contentType(startsWith(PROBLEM));
        sms(body, now(), SmsSignature.sign(smsSecret, now(), body.replace("test-h", "test-x"))).statusCode(401);
        String old = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        sms(body, old, SmsSignature.sign(smsSecret, old, body)).statusCode(401);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks/sms").then().statusCode(401);

        assertThat(subscription(BOB, id).status.name()).isEqualTo("active");
    }

    @Test
    void anotherCustomersSubscriptionIsNotFound() {
        String id = request(alice(), "test-i", "email").statusCode(201).extract().path("id");
        String code = requestedEvent(ALICE, id).path("code").asText();

        confirm(bob(), id, code).statusCode(404);
        given().auth().oauth2(bob()).when().delete("/api/v1/me/subscriptions/" + id).then().statusCode(404);
        assertThat(subscription(ALICE, id).status.name()).isEqualTo("pending");
    }

    /** A subscription the customer asked for and confirmed with the code they were sent. */
    private String active(String token, String customerId, String product) {
        String id = request(token, product, "email").statusCode(201).extract().path("id");
        confirm(token, id, requestedEvent(customerId, id).path("code").asText()).statusCode(200);
        return id;
    }

    /** Phones are verified outside this service's API today (by an agent or partner); set it in the store. */
    private String bobHasAVerifiedPhone() {
        given().auth().oauth2(bob()).when().get("/api/v1/me/profile").then().statusCode(200);
        Phone phone = new Phone(freshPhone(), true);
        repository.mongoCollection().updateOne(eq("_id", BOB), Updates.combine(Updates.set("phones", List.of(phone)),
                Updates.set("verifiedContacts", List.of("email:bob@demo.careline.test", "phone:" + phone.number))))
                .await().indefinitely();
        return phone.number;
    }

    private static ValidatableResponse request(String token, String product, String channel) {
        Map<String, Object> body = channel == null ? Map.of("product", product) : Map.of("product", product, "channel", channel);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/me/subscriptions").then();
    }

    private static ValidatableResponse confirm(String token, String id, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/v1/me/subscriptions/" + id + "/confirm").then();
    }

    private static ValidatableResponse sms(String body, String timestamp, String signature) {
        return given().header("X-Timestamp", timestamp).header("X-Signature", signature).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/webhooks/sms").then();
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private JsonNode requestedEvent(String customerId, String subscriptionId) {
        return dataOf(customerId, "SubscriptionConfirmationRequested", subscriptionId).get(0);
    }

    private List<JsonNode> dataOf(String customerId, String type, String subscriptionId) {
        return events(repository, customerId, type).stream().map(event -> event.path("data"))
                .filter(data -> data.path("subscriptionId").asText().equals(subscriptionId)).toList();
    }

    private Subscription subscription(String customerId, String id) {
        return stored(repository, customerId).subscriptions.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
    }
}
