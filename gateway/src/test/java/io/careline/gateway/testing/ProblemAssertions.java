package io.careline.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** What every problem the gateway answers by itself must look like. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts an RFC 9457 body with this status, and nothing that belongs in a log; returns it for more checks. */
    public static JsonPath assertProblem(ExtractableResponse<Response> response, int status) {
        return assertProblem(response.statusCode(), response.contentType(), response.body().asString(), status);
    }

    public static JsonPath assertProblem(int actualStatus, String contentType, String body, int status) {
        assertThat(actualStatus).as("status of %s", body).isEqualTo(status);
        assertThat(contentType).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(body).as("no internals in a problem")
                .doesNotContain("Exception", "exception", "\tat ", "io.vertx", "io.quarkus", "io.careline", "java.",
                        "127.0.0.1");
        return problem;
    }
}
