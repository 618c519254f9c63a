package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.careline.contracts.complaint.ComplaintReceived;

/** The records and their published schemas must agree, or producers and consumers drift apart. */
class ComplaintReceivedSchemaTest {

    // configured as Quarkus configures its ObjectMapper: ISO-8601 instants
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JsonSchema schema = schemaOf(ComplaintReceived.EVENT);

    @Test
    void serializedEnvelopeMatchesItsSchema() {
        Set<ValidationMessage> errors = schema.validate(json.valueToTree(sample()));

        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRejectsAnEnvelopeMissingItsCustomerKey() {
        ObjectNode envelope = json.valueToTree(sample());
        envelope.remove("customerId");

        assertThat(schema.validate(envelope)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("customerId"));
    }

    @Test
    void schemaRejectsAnUnknownCategory() {
        ObjectNode envelope = json.valueToTree(sample());
        ((ObjectNode) envelope.get("data")).put("category", "WEATHER");

        assertThat(schema.validate(envelope)).isNotEmpty();
    }

    @Test
    void envelopeReadBackEqualsWhatWasWritten() throws Exception {
        EventEnvelope<ComplaintReceived> written = sample();

        EventEnvelope<ComplaintReceived> read = json.readValue(json.writeValueAsBytes(written),
                json.getTypeFactory().constructParametricType(EventEnvelope.class, ComplaintReceived.class));

        assertThat(read).isEqualTo(written);
        assertThat(read.is(ComplaintReceived.EVENT)).isTrue();
    }

    @Test
    void cloudEventTypeNamesTheVersion() {
        assertThat(ComplaintReceived.EVENT.cloudEventType()).isEqualTo("io.careline.ComplaintReceived.v1");
        assertThat(ComplaintReceived.EVENT.topic()).isEqualTo(Topics.COMPLAINT);
    }

    private static EventEnvelope<ComplaintReceived> sample() {
        Instant received = Instant.parse("2026-11-02T09:30:00Z");
        return EventEnvelope.of(ComplaintReceived.EVENT, "C-1001", received,
                new ComplaintReceived(UUID.randomUUID(), "CMP-7K2M9Q", "Charged twice", "BILLING", "APP", received,
                        received.plus(Duration.ofHours(48))));
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
