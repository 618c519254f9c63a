package io.careline.gateway;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.careline.gateway.testing.FakeUpstream;
import io.careline.gateway.testing.FakeUpstreams;
import io.careline.gateway.testing.ManagementPort;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health, metrics and the API documents are there for Kubernetes, Prometheus and developers, without a token, on the
 * management port only: the public port does not serve them.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    private final String management = ManagementPort.root();

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void isLiveAndReadyOnTheManagementPort() {
        given().when().get(management + "/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(management + "/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/", "/q/api-docs" })
    void thePublicPortServesNoManagementEndpoint(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void proxiedRequestsAreCountedPerRouteNotPerPath() {
        given().auth().oauth2(KeycloakTokens.local().customer("alice"))
                .when().get("/api/v1/customers/C-1001").then().statusCode(200);

        given().when().get(management + "/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/customers/*\"}"))
                .body(not(containsString("uri=\"/api/v1/customers/C-1001\"")));
    }

    @Test
    void listsEveryServicesApiDocumentAndServesItFromTheService() {
        given().when().get(management + "/api-docs").then().statusCode(200)
                .body("gateway", equalTo("/q/openapi"))
                .body("services.name", hasItems("complaint", "customer", "claim-care", "notification"))
                .body("services.find { it.name == 'complaint' }.prefixes", hasItems("/api/v1/me/complaints", "/api/v1/complaints"))
                .body("services.find { it.name == 'complaint' }.openapi", equalTo("/q/api-docs/complaint"));

        upstreams.get("complaint").answer(200, Map.of("Content-Type", "application/json"),
                "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"complaint\"}}");
        given().when().get(management + "/api-docs/complaint").then().statusCode(200)
                .contentType("application/json").body("info.title", equalTo("complaint"));
        FakeUpstream.Received asked = upstreams.get("complaint").onlyRequest();
        assertThat(asked.uri()).isEqualTo("/q/openapi");
        assertThat(asked.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void aServiceWhoseDocumentIsUnavailableIsA502AndAnUnknownOneA404() {
        upstreams.get("customer").answer(503, Map.of(), "");
        assertProblem(given().when().get(management + "/api-docs/customer").then().extract(), 502);
        assertProblem(given().when().get(management + "/api-docs/billing").then().extract(), 404);
    }

    @Test
    void describesItsApi() {
        given().accept("application/json").when().get(management + "/openapi").then().statusCode(200)
                .body("info.title", equalTo("Careline API gateway"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me/overview"))
                .body("components.schemas.Problem.required", hasItems("type", "title", "status", "detail"));
    }
}
