package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.ada;
import static io.careline.customer.CustomerTestSupport.agentCreates;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.GreetingService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Birthday greetings on a clock the test moves: at a local hour in the customer's timezone, only with consent, and
 * exactly once per year even when two replicas run the job at the same moment.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class GreetingsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    GreetingService greetings;

    @Inject
    CustomerRepository repository;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBirthdayIsGreetedOnceFromTheLocalHourOnWithConsentEvenByTwoReplicasAtOnce() {
        // a birthday 40 days from now, so no other test's clock lands on it
        LocalDate day = LocalDate.now(TOKYO).plusDays(40);
        String birthday = day.minusYears(30).toString();
        String greeted = customer(birthday, "greetings");
        String notConsenting = customer(birthday, "marketing");

        moveTo(day.atTime(LocalTime.of(8, 30)));
        greetings.run().await().indefinitely();
        assertThat(greetingsOf(greeted)).isEmpty(); // before nine, local time

        moveTo(day.atTime(LocalTime.of(9, 5)));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> greetings.run().await().indefinitely());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> greetings.run().await().indefinitely());
        assertThat(first.join() + second.join()).isEqualTo(1);
        greetings.run().await().indefinitely(); // and again later, as after a restart

        List<JsonNode> announced = greetingsOf(greeted);
        assertThat(announced).hasSize(1);
        JsonNode data = announced.get(0).path("data");
        assertThat(data.path("occasion").asText()).isEqualTo("birthday");
        assertThat(data.path("year").asInt()).isEqualTo(day.getYear());
        assertThat(data.path("channel").asText()).isEqualTo("sms");
        assertThat(Instant.parse(data.path("dueAt").asText())).isEqualTo(day.atTime(9, 0).atZone(TOKYO).toInstant());
        assertThat(greetingsOf(notConsenting)).isEmpty();

        // a year on, it is due again, once
        moveTo(day.plusYears(1).atTime(LocalTime.of(12, 0)));
        greetings.run().await().indefinitely();
        greetings.run().await().indefinitely();
        assertThat(greetingsOf(greeted)).hasSize(2);
    }

    @Test
    void theDayIsTheCustomersOwnNotUtcs() {
        LocalDate day = LocalDate.now(TOKYO).plusDays(80);
        String greeted = customer(day.minusYears(20).toString(), "greetings");

        // 23:30 UTC the day before is 08:30 in Tokyo on the day: not yet; 00:30 UTC is 09:30 there: due
        moveTo(day.atTime(8, 30));
        greetings.run().await().indefinitely();
        assertThat(greetingsOf(greeted)).isEmpty();
        moveTo(day.atTime(9, 30));
        greetings.run().await().indefinitely();
        assertThat(greetingsOf(greeted)).hasSize(1);
    }

    @Test
    void anAdminMakesUpADayTheJobMissedOnceAndOnlyWithinAWeek() throws InterruptedException {
        LocalDate missed = LocalDate.now(TOKYO).minusDays(3);
        String greeted = customer(missed.minusYears(50).toString(), "greetings");
        String at = missed.atTime(12, 0).atZone(TOKYO).toInstant().toString();

        given().auth().oauth2(ada()).queryParam("at", at)
                .when().post("/api/v1/ops/customer/greetings/run").then().statusCode(202);
        String key = "birthday-" + missed.getYear();
        for (int i = 0; i < 300 && !stored(repository, greeted).greetings.contains(key); i++) {
            Thread.sleep(100);
        }
        assertThat(stored(repository, greeted).greetings).contains(key);
        List<JsonNode> announced = greetingsOf(greeted);
        assertThat(announced).hasSize(1);
        assertThat(Instant.parse(announced.get(0).path("data").path("dueAt").asText()))
                .isEqualTo(missed.atTime(9, 0).atZone(TOKYO).toInstant());

        for (String wrong : List.of(Instant.now().plusSeconds(3600).toString(), Instant.now().minus(Duration.ofDays(8)).toString(),
                "yesterday")) {
            given().auth().oauth2(ada()).queryParam("at", wrong)
                    .when().post("/api/v1/ops/customer/greetings/run").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("at"));
        }
    }

    private String customer(String birthday, String consentedPurpose) {
        String id = agentCreates(Map.of("displayName", "Birthday " + birthday, "birthday", birthday, "timezone", "Asia/Tokyo",
                "locale", "ja-JP", "preferredChannel", "sms", "phones", List.of(Map.of("number", freshPhone(), "verified", true))))
                .statusCode(201).extract().path("customerId");
        given().auth().oauth2(agnes()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", consentedPurpose, "channel", "any", "granted", true))))
                .when().put("/api/v1/customers/" + id + "/consents").then().statusCode(200);
        return id;
    }

    private void moveTo(java.time.LocalDateTime tokyoTime) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), tokyoTime.atZone(TOKYO).toInstant()));
    }

    private List<JsonNode> greetingsOf(String customerId) {
        return events(repository, customerId, "GreetingDue");
    }
}
