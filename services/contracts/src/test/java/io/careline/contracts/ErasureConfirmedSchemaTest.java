package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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

import io.careline.contracts.customer.ErasureConfirmed;

/** The erasure confirmation every service publishes on its own topic agrees with its one schema. */
class ErasureConfirmedSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void eachServicesConfirmationMatchesTheSchemaOnItsOwnTopic() {
        assertThat(List.of(ErasureConfirmed.COMPLAINT, ErasureConfirmed.CARE, ErasureConfirmed.NOTIFICATION))
                .extracting(EventType::topic).containsExactly(Topics.COMPLAINT, Topics.CARE, Topics.NOTIFICATION);
        for (EventType type : List.of(ErasureConfirmed.COMPLAINT, ErasureConfirmed.CARE, ErasureConfirmed.NOTIFICATION)) {
            assertThat(type.cloudEventType()).isEqualTo("io.careline.ErasureConfirmed.v1");
            assertThat(validate(envelope(type, "claim-care"))).isEmpty();
        }
    }

    @Test
    void readBackEqualsWhatWasWritten() throws Exception {
        EventEnvelope<ErasureConfirmed> written = EventEnvelope.of(ErasureConfirmed.CARE, "C-1001", AT,
                new ErasureConfirmed("C-1001", "claim-care", AT));
        EventEnvelope<?> read = json.readValue(json.writeValueAsBytes(written),
                json.getTypeFactory().constructParametricType(EventEnvelope.class, ErasureConfirmed.class));
        assertThat(read).isEqualTo(written);
        assertThat(read.is(ErasureConfirmed.CARE)).isTrue();
    }

    @Test
    void theSchemaRefusesAMissingKeyServiceOrTimeAndAServiceThatIsNotAName() {
        ObjectNode noKey = envelope(ErasureConfirmed.COMPLAINT, "complaint");
        noKey.remove("customerId");
        assertThat(validate(noKey)).extracting(ValidationMessage::getMessage).anyMatch(message -> message.contains("customerId"));
        for (String field : List.of("service", "at")) {
            ObjectNode missing = envelope(ErasureConfirmed.COMPLAINT, "complaint");
            ((ObjectNode) missing.get("data")).remove(field);
            assertThat(validate(missing)).extracting(ValidationMessage::getMessage).anyMatch(message -> message.contains(field));
        }
        assertThat(validate(envelope(ErasureConfirmed.COMPLAINT, "Complaint Service"))).isNotEmpty();
    }

    private ObjectNode envelope(EventType type, String service) {
        return json.valueToTree(EventEnvelope.of(type, "C-1001", AT, new ErasureConfirmed("C-1001", service, AT)));
    }

    private Set<ValidationMessage> validate(JsonNode envelope) {
        try (InputStream in = getClass().getResourceAsStream(ErasureConfirmed.CARE.schemaResource())) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in));
            return schema.validate(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
