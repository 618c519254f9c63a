package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.ALICE;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.alice;
import static io.careline.customer.CustomerTestSupport.events;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.CustomerRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Consent per purpose and channel, every change kept with its source, time and proof, and announced. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ConsentsTest {

    @Inject
    CustomerRepository repository;

    @Test
    void everyChangeIsKeptAndAnnouncedAndAnUnchangedConsentIsNotRecordedAgain() {
        JsonPath before = mine();
        int history = before.getList("history").size();
        int announced = events(repository, ALICE, "ConsentChanged").size();

        JsonPath given = put(List.of(Map.of("purpose", "greetings", "channel", "push", "granted", true, "wording", "greetings-v2")));
        assertThat(given.getBoolean("current.find { it.purpose == 'greetings' && it.channel == 'push' }.granted")).isTrue();
        assertThat(given.getString("history[0].source")).isEqualTo("app");
        assertThat(given.getString("history[0].proof")).contains("careline-mobile").contains("greetings-v2");
        assertThat(given.getString("history[0].at")).isNotBlank();

        put(List.of(Map.of("purpose", "greetings", "channel", "push", "granted", true))); // already in force
        JsonPath withdrawn = put(List.of(Map.of("purpose", "greetings", "channel", "push", "granted", false)));

        assertThat(withdrawn.getList("history")).hasSize(history + 2);
        assertThat(withdrawn.getBoolean("history[0].granted")).isFalse();
        assertThat(withdrawn.getBoolean("history[1].granted")).isTrue();
        assertThat(withdrawn.getBoolean("current.find { it.purpose == 'greetings' && it.channel == 'push' }.granted")).isFalse();

        List<JsonNode> events = events(repository, ALICE, "ConsentChanged");
        assertThat(events).hasSize(announced + 2);
        JsonNode last = events.get(events.size() - 1).path("data");
        assertThat(last.path("purpose").asText()).isEqualTo("greetings");
        assertThat(last.path("channel").asText()).isEqualTo("push");
        assertThat(last.path("granted").asBoolean()).isFalse();
        assertThat(last.path("source").asText()).isEqualTo("app");
    }

    @Test
    void changesMadeAtTheSameTimeAreAllKept() throws Exception {
        int before = mine().getList("history").size();
        List<String> channels = List.of("email", "sms", "push", "in_app");
        ExecutorService pool = Executors.newFixedThreadPool(channels.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String channel : channels) {
                answers.add(pool.submit(() -> given().auth().oauth2(alice()).contentType(ContentType.JSON)
                        .body(Map.of("consents", List.of(Map.of("purpose", "marketing", "channel", channel, "granted", true))))
                        .when().put("/api/v1/me/consents").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        // each request decided on what the others had written: none is lost (optimistic locking on the version)
        JsonPath after = mine();
        assertThat(after.getList("history")).hasSize(before + channels.size());
        assertThat(after.getList("current.findAll { it.purpose == 'marketing' && it.granted }.channel", String.class))
                .containsAll(channels);
    }

    @Test
    void agentsReadACustomersConsentsAndTheirHistory() {
        put(List.of(Map.of("purpose", "data_sharing", "channel", "any", "granted", true)));

        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + ALICE + "/consents")
                .then().statusCode(200)
                .body("customerId", equalTo(ALICE))
                .body("current.find { it.purpose == 'data_sharing' }.granted", equalTo(true));
    }

    @Test
    void anUnknownPurposeOrChannelIsRefusedNamingTheField() {
        given().auth().oauth2(alice()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", "spam", "channel", "sms", "granted", true))))
                .when().put("/api/v1/me/consents").then().statusCode(400)
                .body("errors[0].field", equalTo("consents[0].purpose"));
        given().auth().oauth2(alice()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", "marketing", "channel", "sms"))))
                .when().put("/api/v1/me/consents").then().statusCode(400)
                .body("errors[0].field", equalTo("granted"));
    }

    private static JsonPath mine() {
        return given().auth().oauth2(alice()).when().get("/api/v1/me/consents").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath put(List<Map<String, Object>> consents) {
        return given().auth().oauth2(alice()).contentType(ContentType.JSON).body(Map.of("consents", consents))
                .when().put("/api/v1/me/consents").then().statusCode(200).extract().jsonPath();
    }
}
