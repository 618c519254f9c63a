package io.careline.complaint;

import static io.careline.testing.TraceIds.newSpanId;
import static io.careline.testing.TraceIds.newTraceId;
import static io.careline.testing.TraceIds.traceparent;
import static io.careline.complaint.ComplaintTestSupport.awaitComplaintEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One trace from the request to the event: the complaint service continues the caller's trace (the gateway's), the
 * outbox keeps the request's trace context with the event, and the relay sends it on, however late.
 */
@QuarkusTest
class TracingTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEventOfAFiledComplaintCarriesTheTraceOfTheRequestThatFiledIt() {
        String traceId = newTraceId();
        String callerSpanId = newSpanId();

        String complaintId = given().auth().oauth2(TOKENS.customer("alice"))
                .header("traceparent", traceparent(traceId, callerSpanId))
                .contentType(ContentType.JSON)
                .body(Map.of("category", "BILLING", "subject", "Traced " + UUID.randomUUID(), "description", "One trace"))
                .post("/api/v1/me/complaints").then().statusCode(201).extract().path("id");

        SpanData server = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId))
                .findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(server.getParentSpanId()).as("the request's span is the caller's child").isEqualTo(callerSpanId);

        ConsumerRecord<String, String> event = awaitComplaintEvent(complaintId);
        Header traceparent = event.headers().lastHeader("traceparent");
        assertThat(traceparent).as("the event's traceparent header").isNotNull();
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts[1]).as("the event's trace").isEqualTo(traceId);
        // the event's parent is a span of this service's request, not the caller's span
        assertThat(parts[2]).isNotEqualTo(callerSpanId);
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getSpanId).contains(parts[2]);
    }

}
