package io.careline.gateway.security;

import static io.careline.gateway.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.careline.gateway.config.Quota;
import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;

/** Each caller gets its own allowance, counted in the real Redis; past it, a 429 the caller can act on. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallAllowances.class)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    /**
     * Three requests at once, then one a minute, for customers, partners and anonymous callers (so a slow machine
     * never earns a fourth within the test); staff and globex more.
     */
    public static class SmallAllowances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("careline.gateway.rate-limit.customer", "1/3",
                    "careline.gateway.rate-limit.partner", "1/3",
                    "careline.gateway.rate-limit.anonymous", "1/3",
                    "careline.gateway.rate-limit.staff", "600/120",
                    "careline.gateway.rate-limit.clients.\"careline-partner-globex\"", "600/10");
        }
    }

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "careline.gateway.rate-limit.key-prefix")
    String keyPrefix;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void aCustomerPastTheBurstGets429WithRetryAfterAndTheServiceNeverSeesTheRequest() {
        String alice = TOKENS.customer("alice");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).when().get("/api/v1/me/inbox").then().statusCode(200)
                    .header("RateLimit-Policy", "1;w=60;burst=3");
        }
        ExtractableResponse<Response> refused = given().auth().oauth2(alice).when().get("/api/v1/me/inbox").then().extract();

        assertProblem(refused, 429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(upstreams.get("notification").received()).hasSize(3);
        assertThat(metrics.counter("careline.gateway.rate.limit", "caller", "customer", "outcome", "refused").count())
                .isGreaterThanOrEqualTo(1);

        // bob has an allowance of his own
        given().auth().oauth2(TOKENS.customer("bob")).when().get("/api/v1/me/inbox").then().statusCode(200);
    }

    @Test
    void aPartnerIsCountedPerClientAndAClientMayHaveAQuotaOfItsOwn() {
        assertThat(refusals(TOKENS.partner(), 5)).isGreaterThanOrEqualTo(1);
        // globex's own quota (burst 10) lets through what acme's class quota (burst 3) does not
        assertThat(refusals(TOKENS.otherPartner(), 5)).isZero();
    }

    @Test
    void callsWithoutATokenAreCountedByAddress() {
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().when().get("/api/v1/me/inbox").then().extract().statusCode();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
    }

    @Test
    void staffHaveTheirOwnLargerAllowance() {
        String agnes = TOKENS.staff("agnes");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(agnes).when().get("/api/v1/complaints").then().statusCode(200)
                    .header("RateLimit-Policy", "600;w=60;burst=120");
        }
    }

    @Test
    void theCountLivesInRedisSoEveryReplicaSharesIt() throws Exception {
        String carol = TOKENS.customer("carol");
        String subject = JsonPath.from(new String(Base64.getUrlDecoder().decode(carol.split("\\.")[1]),
                StandardCharsets.UTF_8)).getString("sub");
        // another gateway replica, with a Redis connection of its own, serves carol three times
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI otherReplica = RedisAPI.api(Redis.createClient(vertx, "redis://127.0.0.1:6379"));
            Quota quota = Quota.of("1/3");
            for (int i = 0; i < 3; i++) {
                otherReplica.eval(List.of(RateLimiter.GCRA, "1", keyPrefix + "customer:" + subject,
                        Long.toString(quota.intervalMicros()), Long.toString(quota.toleranceMicros())))
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        // so this replica refuses carol's very first request to it
        assertProblem(given().auth().oauth2(carol).when().get("/api/v1/me/inbox").then().extract(), 429);
        assertThat(upstreams.get("notification").received()).isEmpty();
    }

    private static int refusals(String token, int calls) {
        int refused = 0;
        for (int i = 0; i < calls; i++) {
            if (given().auth().oauth2(token).when().get("/api/partner/v1/claims").then().extract().statusCode() == 429) {
                refused++;
            }
        }
        return refused;
    }
}
