package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.ada;
import static io.careline.customer.CustomerTestSupport.agentCreates;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.ErasureService;
import io.careline.customer.service.GreetingService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No write replaces a whole customer document: that would drop the events waiting in its outbox. Every kind of write
 * the repository makes is exercised here (and whatever other tests ran before in this JVM counts too), while
 * {@link WholeDocumentWrites} watches the commands on the wire.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class NoWholeDocumentReplaceTest {

    @Inject
    CustomerRepository repository;

    @Inject
    GreetingService greetings;

    @Inject
    ErasureService erasure;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyWriteToACustomerUsesUpdateOperators() {
        // the watcher sees a replacement when there is one
        repository.mongoDatabase().getCollection("replace_probe")
                .replaceOne(new Document("_id", "probe"), new Document("_id", "probe").append("n", 1))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(WholeDocumentWrites.onCollection("replace_probe")).isNotEmpty();

        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(120);
        String id = agentCreates(Map.of("displayName", "Replace guard", "birthday", day.minusYears(40).toString(),
                "timezone", "UTC", "phones", List.of(Map.of("number", freshPhone(), "verified", true))))
                .statusCode(201).extract().path("customerId");
        given().auth().oauth2(agnes()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", "greetings", "channel", "any", "granted", true))))
                .when().put("/api/v1/customers/" + id + "/consents").then().statusCode(200);
        clock.advance(Duration.between(Instant.now(), day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        assertThat(greetings.run().await().atMost(Duration.ofSeconds(30))).isEqualTo(1);
        clock.reset();
        given().auth().oauth2(ada()).when().post("/api/v1/customers/" + id + "/erasure").then().statusCode(202);
        assertThat(erasure.recordConfirmation(id, "complaint", Instant.now()).await().atMost(Duration.ofSeconds(10))).isTrue();

        assertThat(WholeDocumentWrites.onCollection("customer")).isEmpty();
        assertThat(CustomerTopic.events(repository, id, "GreetingDue")).hasSize(1);
    }
}
