package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.careline.contracts.complaint.SlaBreached;
import io.careline.contracts.complaint.SlaEscalated;
import io.careline.contracts.complaint.SlaWarning;

/** The SLA clock's events (complaint service) and their published schemas agree. */
class SlaEventsSchemaTest {

    // configured as Quarkus configures its ObjectMapper: ISO-8601 instants
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant DUE = Instant.parse("2026-11-04T09:30:00Z");
    private static final UUID COMPLAINT = UUID.fromString("6f1c1d2e-8a51-4c8e-9a57-0d6b3f1c2a10");

    record Sample(EventType type, Object data) {
        @Override
        public String toString() {
            return type.name();
        }
    }

    static List<Sample> samples() {
        return List.of(
                new Sample(SlaWarning.EVENT, new SlaWarning(COMPLAINT, "FIRST_REPLY", "default", DUE, DUE.minusSeconds(12 * 3600), "agnes", "north")),
                new Sample(SlaBreached.EVENT, new SlaBreached(COMPLAINT, "FIRST_REPLY", "default", DUE, DUE, "supervisor", null, null)),
                new Sample(SlaEscalated.EVENT, new SlaEscalated(COMPLAINT, "RESOLUTION", "default", DUE, DUE.plusSeconds(3600), "manager", "ted", "south")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEnvelopeMatchesItsSchema(Sample sample) {
        assertThat(schemaOf(sample.type()).validate(JSON.valueToTree(envelope(sample)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRejectsAnUnknownClockAndAMissingDueTime(Sample sample) {
        ObjectNode unknownClock = JSON.valueToTree(envelope(sample));
        ((ObjectNode) unknownClock.get("data")).put("clock", "LUNCH");
        ObjectNode noDue = JSON.valueToTree(envelope(sample));
        ((ObjectNode) noDue.get("data")).remove("dueAt");

        assertThat(schemaOf(sample.type()).validate(unknownClock)).isNotEmpty();
        assertThat(schemaOf(sample.type()).validate(noDue)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void envelopeReadBackEqualsWhatWasWritten(Sample sample) throws Exception {
        EventEnvelope<?> written = envelope(sample);

        EventEnvelope<?> read = JSON.readValue(JSON.writeValueAsBytes(written),
                JSON.getTypeFactory().constructParametricType(EventEnvelope.class, sample.data().getClass()));

        assertThat(read).isEqualTo(written);
        assertThat(read.is(sample.type())).isTrue();
        assertThat(sample.type().topic()).isEqualTo(Topics.COMPLAINT);
    }

    private static EventEnvelope<Object> envelope(Sample sample) {
        return EventEnvelope.of(sample.type(), "C-1001", DUE, sample.data());
    }

    private static JsonSchema schemaOf(EventType type) {
        try (InputStream in = SlaEventsSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            JsonNode node = JSON.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        } catch (Exception e) {
            throw new IllegalStateException("no schema at " + type.schemaResource(), e);
        }
    }
}
