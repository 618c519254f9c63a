package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

import io.careline.contracts.customer.CustomerAtRisk;
import io.careline.contracts.customer.SurveyAnswered;
import io.careline.contracts.customer.VisitOverdue;
import io.careline.contracts.customer.VisitRecorded;

/** The customer service's care events (visits, surveys, satisfaction) agree with their schemas, which refuse what they must. */
class CustomerCareEventsSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Sample(EventType type, Object data) {
        EventEnvelope<Object> envelope() {
            return EventEnvelope.of(type, "C-1001", AT, data);
        }
    }

    private static List<Sample> samples() {
        return List.of(
                new Sample(VisitRecorded.EVENT, new VisitRecorded("C-1001", "V-1a2b", "agnes", AT,
                        List.of("financial", "technical_training"), "signature")),
                new Sample(VisitRecorded.EVENT, new VisitRecorded("C-1001", "V-1a2c", "agnes", AT, List.of(), "verbal")),
                new Sample(VisitOverdue.EVENT, new VisitOverdue("C-1001", "agnes", "sam", "2026-10", AT, null)),
                new Sample(VisitOverdue.EVENT, new VisitOverdue("C-1001", "agnes", null, "2026-10", AT, AT)),
                new Sample(SurveyAnswered.EVENT, new SurveyAnswered("C-1001", "Q-1", "complaint", 2, 25, "at_risk", AT)),
                new Sample(CustomerAtRisk.EVENT, new CustomerAtRisk("C-1001", 25, "loyal", "agnes", AT)),
                new Sample(CustomerAtRisk.EVENT, new CustomerAtRisk("C-1001", 0, null, null, AT)));
    }

    @TestFactory
    Stream<DynamicTest> eachSerializedEnvelopeMatchesItsSchema() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            assertThat(schemaOf(sample.type()).validate(json.valueToTree(sample.envelope()))).isEmpty();
            assertThat(sample.type().topic()).isEqualTo(Topics.CUSTOMER);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSchemaRejectsAMissingCustomerKeyAndEachMissingDataField() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.type().name(), () -> {
            JsonSchema schema = schemaOf(sample.type());
            ObjectNode noKey = json.valueToTree(sample.envelope());
            noKey.remove("customerId");
            assertThat(schema.validate(noKey)).extracting(ValidationMessage::getMessage)
                    .anyMatch(message -> message.contains("customerId"));
            ObjectNode full = json.valueToTree(sample.envelope());
            full.get("data").fieldNames().forEachRemaining(field -> {
                ObjectNode without = full.deepCopy();
                ((ObjectNode) without.get("data")).remove(field);
                assertThat(schema.validate(without)).as(field).extracting(ValidationMessage::getMessage)
                        .anyMatch(message -> message.contains(field));
            });
        }));
    }

    @Test
    void schemasRefuseAnUnknownNeedAScoreOutOfRangeAndAPeriodThatIsNotAMonth() {
        assertThat(validate(VisitRecorded.EVENT, new VisitRecorded("C-1001", "V-1", "agnes", AT, List.of("pizza"), "signature")))
                .isNotEmpty();
        assertThat(validate(SurveyAnswered.EVENT, new SurveyAnswered("C-1001", "Q-1", "visit", 6, 100, "loyal", AT))).isNotEmpty();
        assertThat(validate(SurveyAnswered.EVENT, new SurveyAnswered("C-1001", "Q-1", "visit", 5, 100, "happy", AT))).isNotEmpty();
        assertThat(validate(VisitOverdue.EVENT, new VisitOverdue("C-1001", "agnes", null, "2026-10-01", AT, null))).isNotEmpty();
    }

    private Set<ValidationMessage> validate(EventType type, Object data) {
        return schemaOf(type).validate(json.valueToTree(EventEnvelope.of(type, "C-1001", AT, data)));
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
