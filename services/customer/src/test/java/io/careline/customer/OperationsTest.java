package io.careline.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What operations rely on, against the real local servers: readiness, metrics, the API description. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class OperationsTest {

    @Test
    void readinessIsMongoDbNotKafka() {
        JsonPath health = given().when().get("/q/health/ready")
                .then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        List<Map<String, Object>> checks = health.getList("checks");
        // a request needs MongoDB; Kafka's state is in the metrics, so a broker outage takes no pod out of service
        assertThat(checks).extracting(check -> check.get("name"))
                .contains("MongoDB connection health check")
                .doesNotContain("Kafka connection health check");
        assertThat(checks).allSatisfy(check -> assertThat(check.get("status")).as("%s", check.get("name")).isEqualTo("UP"));
        // the Mongo check answers for the client the Panache entities will use
        assertThat(health.getMap("checks.find { it.name == 'MongoDB connection health check' }.data"))
                .containsEntry("<default-reactive>", "OK");
    }

    @Test
    void livenessAnswers() {
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        // one API call first, so the HTTP server metrics have a series for it
        given().when().get("/api/v1/me/profile").then().statusCode(401);

        String metrics = given().when().get("/q/metrics")
                .then().statusCode(200).extract().asString();

        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/me/profile\"");
    }

    @Test
    void openApiDescribesThisService() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        assertThat(api.getString("info.title")).isEqualTo("Careline customer service");
        assertThat(api.getMap("paths")).containsKeys("/api/v1/me/profile", "/api/v1/me/consents", "/api/v1/me/subscriptions",
                "/api/v1/me/subscriptions/{id}/confirm", "/api/v1/me/export", "/api/v1/me/erasure", "/api/v1/customers",
                "/api/v1/customers/{id}/subscriptions/{sid}/cancel", "/api/v1/customers/{id}/legal-hold",
                "/api/partner/v1/customers/{externalId}", "/api/v1/webhooks/sms");
        // every request body has an example
        assertThat(api.getString("paths.'/api/v1/me/subscriptions'.post.requestBody.content.'application/json'.examples"))
                .contains("weather-alerts");
    }
}
