package io.careline.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the API description are there for Kubernetes and Prometheus, without a token. */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    @Test
    void isLiveAndReady() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void proxiedRequestsAreCountedPerRouteNotPerPath() {
        given().auth().oauth2(KeycloakTokens.local().customer("alice"))
                .when().get("/api/v1/customers/C-1001").then().statusCode(200);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/customers/*\"}"))
                .body(org.hamcrest.Matchers.not(containsString("uri=\"/api/v1/customers/C-1001\"")));
    }

    @Test
    void describesItsApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Careline API gateway"))
                .body("components.schemas.Problem.required", org.hamcrest.Matchers.hasItems("type", "title", "status", "detail"));
    }
}
