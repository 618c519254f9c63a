package io.careline.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.careline.gateway.testing.FakeUpstream;
import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** With a valid token, a request reaches the service owning its path as it was sent, and the answer comes back as it was given. */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ForwardingTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void theRequestArrivesIntactWithForwardingHeaders() {
        String token = TOKENS.customer("alice");
        String body = "{\"subject\":\"Charged twice for October\",\"category\":\"BILLING\"}";
        upstreams.get("complaint").answer(201, Map.of("Content-Type", "application/json", "Location",
                "/api/v1/me/complaints/42", "X-Custom", "kept"), "{\"id\":42}");

        ExtractableResponse<Response> response = given().urlEncodingEnabled(false).auth().oauth2(token)
                .contentType("application/json").header("Idempotency-Key", "k-1").body(body)
                .when().post("/api/v1/me/complaints/draft?channel=APP&note=a%20b")
                .then().extract();

        // the answer, unchanged
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.header("Location")).isEqualTo("/api/v1/me/complaints/42");
        assertThat(response.header("X-Custom")).isEqualTo("kept");
        assertThat(response.body().asString()).isEqualTo("{\"id\":42}");

        // the request, unchanged, plus the forwarding headers
        FakeUpstream.Received received = upstreams.get("complaint").onlyRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/v1/me/complaints/draft?channel=APP&note=a%20b");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("Idempotency-Key")).isEqualTo("k-1");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + RestAssured.port);
        // a new request id, forwarded and echoed
        assertThat(received.header("X-Request-Id")).matches(UUID);
        assertThat(response.header("X-Request-Id")).isEqualTo(received.header("X-Request-Id"));
        assertThat(upstreams.receivedCount()).isEqualTo(1);
    }

    @Test
    void theCallersRequestIdIsKept() {
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("bob"))
                .header("X-Request-Id", "app-7f3e-0001")
                .when().get("/api/v1/me/inbox")
                .then().statusCode(200).extract();

        assertThat(upstreams.get("notification").onlyRequest().header("X-Request-Id")).isEqualTo("app-7f3e-0001");
        assertThat(response.header("X-Request-Id")).isEqualTo("app-7f3e-0001");
    }

    @Test
    void aRequestIdThatIsNoPlainTokenIsReplaced() {
        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("bob"))
                .header("X-Request-Id", "<script>alert(1)</script>")
                .when().get("/api/v1/me/inbox")
                .then().statusCode(200).extract();

        assertThat(response.header("X-Request-Id")).matches(UUID);
        assertThat(upstreams.get("notification").onlyRequest().header("X-Request-Id")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void forwardingHeadersTheCallerSendsAreReplacedByTheGatewaysOwn() {
        given().auth().oauth2(TOKENS.customer("alice"))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "for=203.0.113.7;host=evil.example;proto=https")
                .header("X-Real-IP", "203.0.113.7")
                .when().get("/api/v1/me/care").then().statusCode(200);

        FakeUpstream.Received received = upstreams.get("claim-care").onlyRequest();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + RestAssured.port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isNull();
        assertThat(received.header("X-Forwarded-Prefix")).isNull();
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Real-IP")).isNull();
    }

    @Test
    void aServicesErrorPassesThroughAsItIs() {
        String problem = "{\"type\":\"https://careline.io/problems/invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"subject must not be blank\",\"errors\":[{\"field\":\"subject\",\"message\":\"must not be blank\"}]}";
        upstreams.get("complaint").answer(400, Map.of("Content-Type", "application/problem+json"), problem);

        ExtractableResponse<Response> response = given().auth().oauth2(TOKENS.customer("alice"))
                .contentType("application/json").body("{\"subject\":\"\"}")
                .when().post("/api/v1/me/complaints")
                .then().extract();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().asString()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/me/complaints,             complaint",
            "/api/v1/complaints/C-77/replies,   complaint",
            "/api/v1/me/inbox/3,                notification",
            "/api/v1/notifications,             notification",
            "/api/v1/me/profile,                customer",
            "/api/v1/customers/C-1001,          customer",
            "/api/v1/me/care/requests,          claim-care",
            "/api/v1/care,                      claim-care" })
    void eachPathReachesTheServiceThatOwnsIt(String path, String service) {
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(path)
                .then().statusCode(200).header("X-Served-By", service);

        assertThat(upstreams.get(service).onlyRequest().uri()).isEqualTo(path);
        assertThat(upstreams.receivedCount()).isEqualTo(1);
    }

    @Test
    void aPartnerTokenPassesToo() {
        given().auth().oauth2(TOKENS.partner()).when().get("/api/v1/customers?partner=acme").then().statusCode(200);

        assertThat(upstreams.get("customer").onlyRequest().uri()).isEqualTo("/api/v1/customers?partner=acme");
    }

    @Test
    void aCallerWaitingFor100ContinueIsToldToGoOn() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/complaints"))
                .header("Authorization", "Bearer " + TOKENS.customer("alice"))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"No signal\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received received = upstreams.get("complaint").onlyRequest();
        assertThat(received.body()).isEqualTo("{\"subject\":\"No signal\"}");
        assertThat(received.header("Expect")).as("answered by the gateway, not passed on").isNull();
    }

    @Test
    void theResponseStreamsThroughWithoutWaitingForItsEnd() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        upstreams.get("notification").answerInTwoParts("first part;", "second part", release);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/inbox"))
                .header("Authorization", "Bearer " + TOKENS.customer("alice")).GET().build();

        try {
            HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(5, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            InputStream body = response.body();
            byte[] first = CompletableFuture.supplyAsync(() -> readExactly(body, "first part;".length()))
                    .get(5, TimeUnit.SECONDS);
            // the service has not finished its answer, yet the caller already has its beginning
            assertThat(release).isNotDone();
            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("first part;");

            release.complete(null);
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second part");
        } finally {
            release.complete(null);
        }
    }

    private static byte[] readExactly(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
