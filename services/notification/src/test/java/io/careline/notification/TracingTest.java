package io.careline.notification;

import static io.careline.testing.TraceIds.newSpanId;
import static io.careline.testing.TraceIds.newTraceId;
import static io.careline.testing.TraceIds.traceparent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The consumer continues the trace an event carries (its traceparent header), so a request and its effect are one trace. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class TracingTest extends InboxTestBase {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void applyingAnEventContinuesTheTraceItCarries() {
        String traceId = newTraceId();
        String producerSpanId = newSpanId();
        EventEnvelope<ComplaintReceived> event = complaintReceived(ALICE, "Traced " + UUID.randomUUID());

        ProducerRecord<String, String> record = new ProducerRecord<>(topic(), null, event.customerId(), toJson(event),
                new RecordHeaders()
                        .add("ce_type", utf8(ComplaintReceived.EVENT.cloudEventType()))
                        .add("ce_id", utf8(event.id().toString()))
                        .add("traceparent", utf8(traceparent(traceId, producerSpanId))));
        publish(record);
        awaitMessageAbout(alice(), event.data().complaintId());

        SpanData consumed = await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.CONSUMER)
                .findFirst(), found -> found.isPresent()).orElseThrow();
        assertThat(consumed.getParentSpanId()).as("the consumer's span is the producer's child").isEqualTo(producerSpanId);
    }

}
