package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintAcknowledged;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.contracts.complaint.IncidentResolved;

/**
 * The complaint service's events (besides ComplaintReceived) agree with their schemas; each schema refuses a field it
 * does not name, so nothing internal (a note, a staff reason) can ride along unnoticed.
 */
class ComplaintEventsSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final UUID COMPLAINT = UUID.fromString("0b7e4a52-3f0e-4c55-9d0a-5a4f0f3b1c2d");
    private static final UUID OTHER = UUID.fromString("1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Sample(EventType type, Object data) {
        EventEnvelope<Object> envelope() {
            return EventEnvelope.of(type, "C-1001", AT, data);
        }
    }

    private static List<Sample> samples() {
        return List.of(
                new Sample(ComplaintAcknowledged.EVENT, new ComplaintAcknowledged(COMPLAINT, "CMP-7K2M9Q2A", AT)),
                new Sample(ComplaintReplied.EVENT, new ComplaintReplied(COMPLAINT, "CMP-7K2M9Q2A", OTHER, AT, true, true)),
                new Sample(ComplaintStatusChanged.EVENT, new ComplaintStatusChanged(COMPLAINT, "CMP-7K2M9Q2A",
                        "ACKNOWLEDGED", "IN_PROGRESS", AT)),
                new Sample(ComplaintResolved.EVENT, new ComplaintResolved(COMPLAINT, "CMP-7K2M9Q2A", AT, AT)),
                new Sample(CompensationGranted.EVENT, new CompensationGranted(COMPLAINT, "CMP-7K2M9Q2A", OTHER,
                        new BigDecimal("12.50"), new BigDecimal("12.50"), "EUR", AT)),
                new Sample(IncidentResolved.EVENT, new IncidentResolved(OTHER, "NO_SIGNAL", "Old town", AT, 3)),
                new Sample(IncidentResolved.EVENT, new IncidentResolved(OTHER, "SLOW_DATA", null, AT, 1)),
                new Sample(DrawWinnersAnnounced.EVENT, new DrawWinnersAnnounced(OTHER, "2026-10", "a1b2c3", 1, 50, 812,
                        "0".repeat(64), new BigDecimal("1000"), "EUR", AT)));
    }

    @TestFactory
    Stream<DynamicTest> eachSerializedEnvelopeMatchesItsSchema() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            Set<ValidationMessage> errors = schemaOf(sample.type()).validate(json.valueToTree(sample.envelope()));
            assertThat(errors).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSchemaRefusesAFieldItDoesNotName() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            ObjectNode envelope = json.valueToTree(sample.envelope());
            ((ObjectNode) envelope.get("data")).put("internalNote", "customer is difficult");
            assertThat(schemaOf(sample.type()).validate(envelope)).extracting(ValidationMessage::getMessage)
                    .anyMatch(message -> message.contains("internalNote"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSchemaRequiresTheCustomerKey() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            ObjectNode envelope = json.valueToTree(sample.envelope());
            envelope.remove("customerId");
            assertThat(schemaOf(sample.type()).validate(envelope)).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachTravelsOnTheComplaintTopicAndReadsBackEqual() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            assertThat(sample.type().topic()).isEqualTo(Topics.COMPLAINT);
            Object read = json.readValue(json.writeValueAsBytes(sample.data()), sample.data().getClass());
            assertThat(read).isEqualTo(sample.data());
        }));
    }

    private JsonSchema schemaOf(EventType type) {
        try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
            JsonNode node = json.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (Exception e) {
            throw new IllegalStateException("no schema at " + type.schemaResource(), e);
        }
    }
}
