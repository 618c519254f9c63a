package io.careline.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.InProcessMongo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The reader with the application's own ObjectMapper (which refuses unknown fields in REST bodies). */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ComplaintEventReaderTest {

    @Inject
    ComplaintEventReader reader;

    @Inject
    ObjectMapper json;

    @Test
    void readsWhatTheComplaintServiceWrites() {
        EventEnvelope<ComplaintReceived> written = sample();

        assertThat(reader.read(null, json.valueToTree(written).toString())).contains(written);
    }

    @Test
    void toleratesFieldsAddedToTheEvent() {
        ObjectNode envelope = json.valueToTree(sample());
        ((ObjectNode) envelope.get("data")).put("priority", "HIGH");

        assertThat(reader.read(null, envelope.toString())).isPresent();
    }

    @Test
    void skipsOtherTypesAndVersions() {
        ObjectNode otherType = json.valueToTree(sample());
        otherType.put("type", "ComplaintClosed");
        ObjectNode otherVersion = json.valueToTree(sample());
        otherVersion.put("version", 2);

        assertThat(reader.read(null, otherType.toString())).isEmpty();
        assertThat(reader.read(null, otherVersion.toString())).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnEnvelopeOrLacksWhatAMessageNeeds() {
        ObjectNode noDueTime = json.valueToTree(sample());
        ((ObjectNode) noDueTime.get("data")).remove("firstReplyDueAt");
        ObjectNode noCustomer = json.valueToTree(sample());
        noCustomer.remove("customerId");
        ObjectNode badId = json.valueToTree(sample());
        ((ObjectNode) badId.get("data")).put("complaintId", "not-a-uuid");

        assertThatThrownBy(() -> reader.read(null, "{oops")).isInstanceOf(UnreadableEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> reader.read(null, null)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> reader.read(null, "[1,2]")).isInstanceOf(UnreadableEventException.class).hasMessageContaining("not an event envelope");
        assertThatThrownBy(() -> reader.read(null, "{\"type\":\"ComplaintReceived\"}")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> reader.read(null, noDueTime.toString())).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("data.firstReplyDueAt");
        assertThatThrownBy(() -> reader.read(null, noCustomer.toString())).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("customerId");
        assertThatThrownBy(() -> reader.read(null, badId.toString())).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("data.complaintId");
    }

    @Test
    void aCloudEventTypeHeaderDecidesBeforeTheValueIsRead() {
        String envelope = json.valueToTree(sample()).toString();

        assertThat(reader.read("io.careline.ComplaintReceived.v1", envelope)).isPresent();
        assertThat(reader.read("io.careline.ComplaintReceived.v2", envelope)).isEmpty();
        assertThat(reader.read("io.careline.Test.v1", "{\"run\": 1, \"seq\": 0}")).isEmpty();
        assertThatThrownBy(() -> reader.read("io.careline.ComplaintReceived.v1", "{oops"))
                .isInstanceOf(UnreadableEventException.class);
    }

    private static EventEnvelope<ComplaintReceived> sample() {
        Instant received = Instant.parse("2026-11-02T09:30:00Z");
        return EventEnvelope.of(ComplaintReceived.EVENT, "C-1001", received, new ComplaintReceived(UUID.randomUUID(),
                "CMP-7K2M9QAB", "Charged twice", "BILLING", "APP", received, received.plus(Duration.ofHours(48))));
    }
}
