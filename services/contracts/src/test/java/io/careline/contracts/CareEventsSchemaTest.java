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
import org.junit.jupiter.api.Test;
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

import io.careline.contracts.care.CareConsentRecorded;
import io.careline.contracts.care.CareEnded;
import io.careline.contracts.care.CareVisitOverdue;
import io.careline.contracts.care.HandOverProposed;
import io.careline.contracts.care.VolunteerAssigned;
import io.careline.contracts.care.CareProposed;
import io.careline.contracts.care.ClaimAssessed;
import io.careline.contracts.care.ClaimDocumentsCollected;
import io.careline.contracts.care.ClaimPaid;
import io.careline.contracts.care.ClaimRejected;
import io.careline.contracts.care.ClaimReported;

/** Every claim-care event record agrees with its published schema, and each schema refuses what it must. */
class CareEventsSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final UUID CLAIM = UUID.fromString("0b7e4a52-3f0e-4c55-9d0a-5a4f0f3b1c2d");
    private static final UUID VOLUNTEER = UUID.fromString("1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5");
    private static final UUID BENEFICIARY = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

    // configured as Quarkus configures its ObjectMapper: ISO-8601 instants
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Sample(EventType type, Object data) {
        EventEnvelope<Object> envelope() {
            return EventEnvelope.of(type, "C-1001", AT, data);
        }
    }

    private static List<Sample> samples() {
        return List.of(
                new Sample(ClaimReported.EVENT, new ClaimReported(CLAIM, "acme", "ACME-77", AT, true)),
                new Sample(ClaimDocumentsCollected.EVENT, new ClaimDocumentsCollected(CLAIM, "acme", "ACME-77", AT)),
                new Sample(ClaimAssessed.EVENT, new ClaimAssessed(CLAIM, "acme", "ACME-77", AT, new BigDecimal("1250.00"), "EUR")),
                new Sample(ClaimPaid.EVENT, new ClaimPaid(CLAIM, "acme", "ACME-77", AT, new BigDecimal("1250.00"), "EUR", 1620L, false)),
                new Sample(ClaimPaid.EVENT, new ClaimPaid(CLAIM, "acme", "ACME-78", AT, new BigDecimal("80"), "EUR", null, true)),
                new Sample(ClaimRejected.EVENT, new ClaimRejected(CLAIM, "acme", "ACME-77", AT, "not covered")),
                new Sample(CareProposed.EVENT, new CareProposed(BENEFICIARY, CLAIM, true, AT)),
                new Sample(CareConsentRecorded.EVENT, new CareConsentRecorded(BENEFICIARY, "GIVEN", "GUARDIAN", AT)),
                new Sample(VolunteerAssigned.EVENT, new VolunteerAssigned(BENEFICIARY, VOLUNTEER, "victor", AT)),
                new Sample(HandOverProposed.EVENT, new HandOverProposed(BENEFICIARY, VOLUNTEER, "PAUSED", AT)),
                new Sample(CareVisitOverdue.EVENT, new CareVisitOverdue(BENEFICIARY, VOLUNTEER, "victor", AT, AT)),
                new Sample(CareVisitOverdue.EVENT, new CareVisitOverdue(BENEFICIARY, null, null, AT, AT)),
                new Sample(CareEnded.EVENT, new CareEnded(BENEFICIARY, "GOALS_MET", AT)));
    }

    @TestFactory
    Stream<DynamicTest> eachSerializedEnvelopeMatchesItsSchema() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            Set<ValidationMessage> errors = schemaOf(sample.type()).validate(json.valueToTree(sample.envelope()));
            assertThat(errors).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSchemaRejectsAMissingCustomerKeyAndAMissingDataField() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            JsonSchema schema = schemaOf(sample.type());
            ObjectNode noKey = json.valueToTree(sample.envelope());
            noKey.remove("customerId");
            assertThat(schema.validate(noKey)).extracting(ValidationMessage::getMessage)
                    .anyMatch(message -> message.contains("customerId"));

            ObjectNode noField = json.valueToTree(sample.envelope());
            String first = noField.get("data").fieldNames().next();
            ((ObjectNode) noField.get("data")).remove(first);
            assertThat(schema.validate(noField)).extracting(ValidationMessage::getMessage)
                    .anyMatch(message -> message.contains(first));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachEnvelopeReadBackEqualsWhatWasWritten() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            EventEnvelope<Object> written = sample.envelope();
            EventEnvelope<?> read = json.readValue(json.writeValueAsBytes(written),
                    json.getTypeFactory().constructParametricType(EventEnvelope.class, sample.data().getClass()));
            assertThat(read).isEqualTo(written);
            assertThat(read.is(sample.type())).isTrue();
            assertThat(sample.type().topic()).isEqualTo(Topics.CARE);
        }));
    }

    @Test
    void consentSchemaRefusesAnUnknownDecision() {
        ObjectNode envelope = json.valueToTree(EventEnvelope.of(CareConsentRecorded.EVENT, "C-1001", AT,
                new CareConsentRecorded(BENEFICIARY, "MAYBE", "GUARDIAN", AT)));
        assertThat(schemaOf(CareConsentRecorded.EVENT).validate(envelope)).isNotEmpty();
    }

    @Test
    void handOverSchemaRefusesAnUnknownReason() {
        ObjectNode envelope = json.valueToTree(EventEnvelope.of(HandOverProposed.EVENT, "C-1001", AT,
                new HandOverProposed(BENEFICIARY, VOLUNTEER, "BORED", AT)));
        assertThat(schemaOf(HandOverProposed.EVENT).validate(envelope)).isNotEmpty();
    }

    @Test
    void paidSchemaRefusesANegativeAmount() {
        ObjectNode envelope = json.valueToTree(EventEnvelope.of(ClaimPaid.EVENT, "C-1001", AT,
                new ClaimPaid(CLAIM, "acme", "ACME-77", AT, new BigDecimal("-1"), "EUR", 60L, false)));
        assertThat(schemaOf(ClaimPaid.EVENT).validate(envelope)).isNotEmpty();
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
