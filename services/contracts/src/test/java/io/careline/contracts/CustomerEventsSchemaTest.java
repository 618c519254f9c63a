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

import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerErased;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.careline.contracts.customer.CustomerProfileChanged.Email;
import io.careline.contracts.customer.CustomerProfileChanged.Phone;
import io.careline.contracts.customer.GreetingDue;
import io.careline.contracts.customer.SubscriptionCancelled;
import io.careline.contracts.customer.SubscriptionConfirmationRequested;
import io.careline.contracts.customer.SubscriptionConfirmed;

/** Every customer event record agrees with its published schema, and each schema refuses what it must. */
class CustomerEventsSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final String SUBSCRIPTION = "S-7f3a9c21";

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
                new Sample(CustomerProfileChanged.EVENT, new CustomerProfileChanged("C-1001", "Alice Ivanova", "ru-RU",
                        "Europe/Moscow", "north", List.of(new Email("alice@demo.careline.test", true)),
                        List.of(new Phone("+79161234567", false)), "sms", "1990-04-12")),
                new Sample(CustomerProfileChanged.EVENT, new CustomerProfileChanged("C-1001", "[erased]", null, null, null,
                        List.of(), List.of(), null, null)),
                new Sample(ConsentChanged.EVENT, new ConsentChanged("C-1001", "greetings", "sms", true, "app", AT)),
                new Sample(ConsentChanged.EVENT, new ConsentChanged("C-1001", "data_sharing", "any", false, "agent", AT)),
                new Sample(SubscriptionConfirmationRequested.EVENT, new SubscriptionConfirmationRequested("C-1001",
                        SUBSCRIPTION, "weather-alerts", "042917", "sms", AT)),
                new Sample(SubscriptionConfirmed.EVENT, new SubscriptionConfirmed("C-1001", SUBSCRIPTION, "weather-alerts",
                        "app", AT)),
                new Sample(SubscriptionCancelled.EVENT, new SubscriptionCancelled("C-1001", SUBSCRIPTION, "weather-alerts",
                        "sms", AT)),
                new Sample(CustomerErased.EVENT, new CustomerErased("C-1001", AT)),
                new Sample(GreetingDue.EVENT, new GreetingDue("C-1001", "birthday", 2026, "sms", "ru-RU", AT)),
                new Sample(GreetingDue.EVENT, new GreetingDue("C-1001", "birthday", 2026, "in_app", null, AT)));
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
            assertThat(sample.type().topic()).isEqualTo(Topics.CUSTOMER);
        }));
    }

    @Test
    void consentSchemaRefusesAnUnknownPurposeOrChannel() {
        assertThat(validate(ConsentChanged.EVENT, new ConsentChanged("C-1001", "spam", "sms", true, "app", AT))).isNotEmpty();
        assertThat(validate(ConsentChanged.EVENT, new ConsentChanged("C-1001", "marketing", "fax", true, "app", AT))).isNotEmpty();
    }

    @Test
    void confirmationSchemaRefusesACodeThatIsNotSixDigits() {
        assertThat(validate(SubscriptionConfirmationRequested.EVENT, new SubscriptionConfirmationRequested("C-1001",
                SUBSCRIPTION, "weather-alerts", "12345", "sms", AT))).isNotEmpty();
    }

    @Test
    void cancelSchemaRefusesAnUnknownWayOut() {
        assertThat(validate(SubscriptionCancelled.EVENT, new SubscriptionCancelled("C-1001", SUBSCRIPTION, "weather-alerts",
                "carrier-pigeon", AT))).isNotEmpty();
    }

    @Test
    void profileSchemaRefusesABirthdayThatIsNotADateAndAPhoneThatIsNotE164() {
        assertThat(validate(CustomerProfileChanged.EVENT, new CustomerProfileChanged("C-1001", "A", null, null, null,
                List.of(), List.of(), null, "12/04/1990"))).isNotEmpty();
        assertThat(validate(CustomerProfileChanged.EVENT, new CustomerProfileChanged("C-1001", "A", null, null, null,
                List.of(), List.of(new Phone("0161 123", true)), null, null))).isNotEmpty();
    }

    @Test
    void greetingSchemaRefusesAnUnknownOccasion() {
        assertThat(validate(GreetingDue.EVENT, new GreetingDue("C-1001", "name-day", 2026, "sms", "ru-RU", AT))).isNotEmpty();
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
