package io.careline.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Redis away: requests pass uncounted rather than fail, and the metric says so. */
@QuarkusTest
@TestProfile(RateLimitWithoutRedisTest.NoRedis.class)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitWithoutRedisTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1; a burst of 1 would refuse the second request if anything were counted
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "careline.gateway.rate-limit.customer", "60/1");
        }
    }

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @Inject
    MeterRegistry metrics;

    @Test
    void requestsPassUncountedAndAreCountedAsUnavailable() {
        upstreams.reset();
        String alice = KeycloakTokens.local().customer("alice");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(alice).when().get("/api/v1/me/inbox").then().statusCode(200);
        }
        assertThat(upstreams.get("notification").received()).hasSize(3);
        assertThat(metrics.counter("careline.gateway.rate.limit", "caller", "unknown", "outcome", "unavailable").count())
                .isEqualTo(3);
    }
}
