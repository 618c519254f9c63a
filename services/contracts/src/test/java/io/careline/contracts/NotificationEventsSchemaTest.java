package io.careline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.careline.contracts.notification.NotificationFailed;
import io.careline.contracts.notification.NotificationSent;

/** The notification service's status events agree with their schemas, on its own topic. */
class NotificationEventsSchemaTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");
    private static final String SOURCE = "9b2f3c1e-0000-4000-8000-000000000001";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void bothTravelOnTheNotificationTopicAndMatchTheirSchemas() {
        assertThat(NotificationSent.EVENT.topic()).isEqualTo(Topics.NOTIFICATION);
        assertThat(NotificationFailed.EVENT.topic()).isEqualTo(Topics.NOTIFICATION);
        assertThat(validate(NotificationSent.EVENT, sent("email", "sms"))).isEmpty();
        assertThat(validate(NotificationSent.EVENT, sent("in_app", null))).isEmpty();
        assertThat(validate(NotificationFailed.EVENT, failed())).isEmpty();
    }

    @Test
    void readBackEqualsWhatWasWritten() throws Exception {
        EventEnvelope<NotificationSent> written = EventEnvelope.of(NotificationSent.EVENT, "C-1001", AT,
                new NotificationSent(SOURCE + ":email", "C-1001", SOURCE, "COMPLAINT_REPLY", "email", "zh-CN", 1, false,
                        "sms", true, 2, AT));
        EventEnvelope<?> read = json.readValue(json.writeValueAsBytes(written),
                json.getTypeFactory().constructParametricType(EventEnvelope.class, NotificationSent.class));
        assertThat(read).isEqualTo(written);
    }

    @Test
    void theSchemasRefuseAnUnknownChannelAMissingReasonAndAnAddressInTheId() {
        assertThat(validate(NotificationSent.EVENT, sent("fax", null))).isNotEmpty();
        ObjectNode noReason = failed();
        ((ObjectNode) noReason.get("data")).remove("reason");
        assertThat(validate(NotificationFailed.EVENT, noReason)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("reason"));
        ObjectNode badId = failed();
        ((ObjectNode) badId.get("data")).put("deliveryId", "alice@example.com");
        assertThat(validate(NotificationFailed.EVENT, badId)).isNotEmpty();
    }

    private ObjectNode sent(String channel, String fallbackFrom) {
        return json.valueToTree(EventEnvelope.of(NotificationSent.EVENT, "C-1001", AT, new NotificationSent(
                SOURCE + ":" + channel, "C-1001", SOURCE, "COMPLAINT_ACKNOWLEDGEMENT", channel, "en", 1, false,
                fallbackFrom, false, 1, AT)));
    }

    private ObjectNode failed() {
        return json.valueToTree(EventEnvelope.of(NotificationFailed.EVENT, "C-1001", AT, new NotificationFailed(
                SOURCE + ":sms", "C-1001", SOURCE, "COMPLAINT_REPLY", "sms", "provider answered 503", 3, AT)));
    }

    private Set<ValidationMessage> validate(EventType type, JsonNode envelope) {
        try (InputStream in = getClass().getResourceAsStream(type.schemaResource())) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in)).validate(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
