package io.careline.gateway;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.careline.gateway.testing.FakeUpstream;
import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** What the caller gets when the gateway cannot deliver: always a problem, never a stack trace or an address. */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FailureTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    /** quarkus.http.limits.max-body-size */
    private static final int LIMIT = 64 * 1024;

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aPathNoServiceOwnsIs404() {
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/settings").then().extract();

        JsonPath problem = assertProblem(response, 404);
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/me/settings");
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aPrefixOwnsWholePathSegmentsOnly() {
        assertProblem(given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/complaintsXYZ").then().extract(), 404);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aServiceThatIsDownIs502NamingIt() {
        upstreams.get("customer").stop();

        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/profile").then().extract();

        JsonPath problem = assertProblem(response, 502);
        assertThat(problem.getString("upstream")).isEqualTo("customer");
        assertThat(problem.getString("detail")).contains("customer");
        assertThat(problem.getString("requestId")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void aServiceShedding503WithRetryAfterIsPassedThrough() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";
        upstreams.get("complaint").answer(503, Map.of("Content-Type", "application/problem+json", "Retry-After", "2"), problem);

        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/complaints").then()
                .statusCode(503).header("Retry-After", "2").contentType("application/problem+json")
                .body(org.hamcrest.Matchers.equalTo(problem));
    }

    @Test
    void aGetWhoseConnectionTheServiceClosesIsSentOnceMore() {
        upstreams.get("complaint").hangUpOnce();

        given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/complaints").then().statusCode(200);

        assertThat(upstreams.get("complaint").received()).hasSize(2);
    }

    @Test
    void aPostWhoseConnectionTheServiceClosesIsNotRepeated() {
        upstreams.get("complaint").hangUpOnce();

        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .contentType("application/json").body("{}")
                .when().post("/api/v1/me/complaints").then().extract();

        assertProblem(response, 502);
        assertThat(upstreams.get("complaint").received()).hasSize(1);
    }

    @Test
    void aServiceThatIsTooSlowIs504NamingIt() {
        // the test profile's timeout is 1s
        upstreams.get("complaint").answerAfter(Duration.ofSeconds(4));

        long start = System.nanoTime();
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .when().get("/api/v1/me/complaints").then().extract();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        JsonPath problem = assertProblem(response, 504);
        assertThat(problem.getString("upstream")).isEqualTo("complaint");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3500));
        assertThat(upstreams.get("complaint").received()).hasSize(1); // it did get the request
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413AndIsNotForwarded() {
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .contentType("application/json").body(json(LIMIT + 1))
                .when().post("/api/v1/me/complaints").then().extract();

        assertProblem(response, 413);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .contentType("application/json").body(json(LIMIT))
                .when().post("/api/v1/me/complaints").then().statusCode(200);

        assertThat(upstreams.get("complaint").onlyRequest().body()).hasSize(LIMIT);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedBodyOverTheLimitIs413AndNeverReachesTheServiceWhole(HttpClient.Version version) throws Exception {
        HttpResponse<String> response = sendWithoutLength(version, new byte[LIMIT + 64 * 1024]);

        assertThat(response.version()).isEqualTo(version);
        assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), 413);
        assertThat(upstreams.receivedCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedBodyUnderTheLimitPassesWhole(HttpClient.Version version) throws Exception {
        byte[] body = new byte[60 * 1024]; // the limit is 64K
        Arrays.fill(body, (byte) 'x');

        HttpResponse<String> response = sendWithoutLength(version, body);

        assertThat(response.version()).isEqualTo(version);
        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received received = upstreams.get("complaint").onlyRequest();
        assertThat(received.body()).isEqualTo(new String(body, StandardCharsets.US_ASCII));
        assertThat(received.header("Transfer-Encoding")).isEqualTo("chunked");
    }

    /**
     * A body of unknown length: java.net.http sends it chunked over HTTP/1.1, and over HTTP/2 (h2c upgrade) in
     * frames with no Content-Length at all.
     */
    private static HttpResponse<String> sendWithoutLength(HttpClient.Version version, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/complaints"))
                .header("Authorization", "Bearer " + TOKENS.customer("alice"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String json(int size) {
        String frame = "{\"description\":\"\"}";
        char[] filler = new char[size - frame.length()];
        Arrays.fill(filler, 'a');
        return "{\"description\":\"" + new String(filler) + "\"}";
    }
}
