package io.careline.outbox.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.careline.contracts.EventEnvelope;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a MongoDB service gets by depending on this library: the writer and the relay as beans, configured from
 * careline.outbox.*, the meters tagged store=mongo, and the operator endpoint with its roles.
 */
@QuarkusTest
class MongoOutboxWiringTest {

    private static final String OPS = "/api/v1/ops/outbox-mongo-test/outbox";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    MongoOutbox outbox;

    @Inject
    MongoClient mongo;

    @Test
    void anEventWrittenWithItsChangeThroughTheInjectedOutboxIsPublished() {
        MongoCollection<Document> customers = mongo.getDatabase("careline_outbox_s5h3a_wired").getCollection("wired_customers");
        String run = UUID.randomUUID().toString();
        EventEnvelope<Map<String, Object>> envelope = MongoOutboxFixture.envelope("C-" + run, run, 0);
        customers.updateOne(eq("_id", "C-" + run),
                Updates.combine(Updates.set("name", "Ann"), outbox.push(outbox.event(MongoOutboxFixture.TESTED, envelope))),
                new UpdateOptions().upsert(true));
        outbox.written();

        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(eq("_id", "C-" + run)).first().get(OutboxFields.OUTBOX) == null);
        assertThat(MongoOutboxFixture.recordsMentioning(MongoOutboxFixture.TOPIC, run)).singleElement()
                .satisfies(record -> assertThat(MongoOutboxFixture.header(record, "ce_source")).isEqualTo("/careline/outbox-mongo-test"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("careline_outbox_relay_active{store=\"mongo\"} 1.0"))
                .body(containsString("careline_outbox_pending{store=\"mongo\"} 0.0")));
    }

    @Test
    void theOperatorEndpointIsForAdminsOfThisService() {
        given().auth().oauth2(TOKENS.staff("ada")).when().get(OPS + "/parked")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
        given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.staff("ada")).when().get("/api/v1/ops/complaint/outbox/parked")
                .then().statusCode(404);
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(OPS + "/parked").then().statusCode(403);
        given().auth().oauth2(TOKENS.customer("alice")).when().get(OPS + "/parked").then().statusCode(403);
        given().when().get(OPS + "/parked").then().statusCode(401);
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("size", 1000).when().get(OPS + "/parked")
                .then().statusCode(400).body(containsString("size"));
    }
}
