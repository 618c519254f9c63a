package io.careline.complaint;

import static io.careline.complaint.ComplaintTestSupport.awaitBlockedOnHeldRow;
import static io.careline.complaint.ComplaintTestSupport.count;
import static io.careline.complaint.ComplaintTestSupport.holdComplaint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.ComplaintTestSupport.HeldComplaint;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.service.FileComplaint;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/** Kafka away: still ready and still accepting. One request at a time: the next one is shed, probes are not. */
@QuarkusTest
@TestProfile(KafkaAwayProfile.class)
class DegradedServiceTest {

    private static final String PATH = "/api/v1/me/complaints";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Test
    void withKafkaAwayTheServiceIsReadyAndAcceptsComplaintsIntoTheOutbox() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String id = given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON)
                .body(Map.of("category", "NETWORK", "subject", "Kafka is away", "description", "d"))
                .post(PATH).then().statusCode(201).extract().path("id");

        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE payload->'data'->>'complaintId' = $1 AND event_type = 'io.careline.ComplaintReceived.v1' AND published_at IS NULL", id))
                .isEqualTo(1);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void overTheConcurrencyLimitARequestIsShedWithRetryAfterAndProbesStillAnswer() throws Exception {
        String key = "held-" + UUID.randomUUID();
        HeldComplaint blocker = holdComplaint(json, FileComplaint.byCustomer("C-1001", "APP", Category.OTHER, "Held", "d", key));
        CompletableFuture<Response> held;
        try {
            held = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TOKENS.customer("alice"))
                    .header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("category", "OTHER", "subject", "Held", "description", "d")).post(PATH));
            awaitBlockedOnHeldRow(pool); // the one permitted request is in progress

            given().auth().oauth2(TOKENS.customer("alice")).get(PATH).then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("status", equalTo(503))
                    .body("instance", equalTo(PATH));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            blocker.rollback();
        }

        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        given().auth().oauth2(TOKENS.customer("alice")).get(PATH).then().statusCode(200);
    }
}
