package io.careline.claimcare;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What operations rely on, against the real local servers: readiness, metrics, the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIsThePostgresPoolTheRequestsUseNotKafka() {
        JsonPath health = given().when().get("/q/health/ready")
                .then().statusCode(200).extract().jsonPath();

        assertThat(health.getString("status")).isEqualTo("UP");
        List<Map<String, Object>> checks = health.getList("checks");
        // the outbox keeps requests accepted while Kafka is away: its state is in the metrics, not in readiness
        assertThat(checks).extracting(check -> check.get("name"))
                .contains("PostgreSQL (reactive pool)")
                .doesNotContain("Kafka connection health check", "Reactive PostgreSQL connections health check");
        assertThat(checks).extracting(check -> String.valueOf(check.get("data"))).noneMatch(data -> data.contains("customer-events"));
        assertThat(checks).allSatisfy(check -> assertThat(check.get("status")).as("%s", check.get("name")).isEqualTo("UP"));
    }

    @Test
    void livenessAnswers() {
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePrometheusText() {
        String metrics = given().when().get("/q/metrics")
                .then().statusCode(200).extract().asString();

        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void openApiDescribesThisService() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        assertThat(api.getString("info.title")).isEqualTo("Careline claim-care service");
    }
}
