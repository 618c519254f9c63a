package io.careline.gateway;

import static io.careline.testing.TraceIds.newSpanId;
import static io.careline.testing.TraceIds.newTraceId;
import static io.careline.testing.TraceIds.traceparent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.careline.testing.KeycloakTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The trace of a request starts (or goes on) at the gateway, and the service it reaches continues it. */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TracingTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @FakeUpstreams.Inject
    FakeUpstreams upstreams;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void theServiceReceivesTheTraceOfTheGatewaysRequest() {
        String traceId = newTraceId();
        String clientSpanId = newSpanId();
        upstreams.get("complaint").answer(201, Map.of("Content-Type", "application/json"), "{}");

        given().auth().oauth2(TOKENS.customer("alice")).header("traceparent", traceparent(traceId, clientSpanId))
                .contentType("application/json").body("{}").post("/api/v1/me/complaints").then().statusCode(201);

        SpanData server = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId))
                .findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(clientSpanId);
        // one traceparent, naming the gateway's own call to the service as the parent
        String forwarded = upstreams.get("complaint").onlyRequest().header("traceparent");
        assertThat(forwarded).as("the traceparent the service receives").startsWith("00-" + traceId + "-");
        String parent = forwarded.split("-")[2];
        assertThat(parent).isNotEqualTo(clientSpanId);
        await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getKind() == SpanKind.CLIENT && span.getSpanId().equals(parent)));
    }


    /** The tests' span exporter: Quarkus exports to it instead of OTLP. */
    @ApplicationScoped
    static class InMemoryTraces {

        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }
}
