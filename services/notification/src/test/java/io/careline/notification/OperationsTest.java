package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(InProcessMongo.class)
class OperationsTest {

    @Test
    void readinessIsMongoDbOnlyBecauseTheApiNeedsNothingElse() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("MongoDB connection health check"))
                .body("checks.find { it.name == 'MongoDB connection health check' }.status", equalTo("UP"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                // SmallRye's messaging readiness check may be listed, but without our channel in it
                .body("checks.findAll { it.name.contains('Messaging') }.data.collect { it?.keySet() ?: [] }.flatten()",
                        everyItem(not(containsString("complaint-events"))));
        // the channel still counts for liveness: a consumer that died is restarted
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body(containsString("complaint-events"));
    }

    @Test
    void consumerLagAndProgressAreMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("careline_consumer_last_success_timestamp_seconds{channel=\"complaint-events\""))
                .body(containsString("careline_consumer_oldest_in_progress_age_seconds{channel=\"complaint-events\""));
    }

    @Test
    void theApiIsDescribed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me/inbox"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me/inbox/{id}/read"));
    }
}
