package io.careline.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintAcknowledged;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.SlaBreached;
import io.careline.contracts.complaint.SlaEscalated;
import io.careline.contracts.complaint.SlaWarning;
import io.careline.notification.InProcessMongo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.careline.service.messaging.UnreadableEventException;

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

    @Test
    void readsTheEventsTheCustomerIsToldAbout() {
        EventEnvelope<ComplaintReplied> reply = EventEnvelope.of(ComplaintReplied.EVENT, "C-1001", Instant.now(),
                new ComplaintReplied(UUID.randomUUID(), "CMP-7K2M9QAB", UUID.randomUUID(), Instant.now(), true, true));
        EventEnvelope<CompensationGranted> granted = compensation();

        assertThat(reader.read(ComplaintReplied.EVENT.cloudEventType(), json.valueToTree(reply).toString())).contains(reply);
        assertThat(reader.read(null, json.valueToTree(granted).toString())).contains(granted);
    }

    @Test
    void refusesACustomerFacingEventThatLacksWhatItsMessageNeeds() {
        ObjectNode noReward = json.valueToTree(compensation());
        ((ObjectNode) noReward.get("data")).remove("rewardAmount");
        ObjectNode blankCurrency = json.valueToTree(compensation());
        ((ObjectNode) blankCurrency.get("data")).put("currency", " ");

        assertThatThrownBy(() -> reader.read(CompensationGranted.EVENT.cloudEventType(), noReward.toString()))
                .isInstanceOf(UnreadableEventException.class).hasMessage("CompensationGranted v1 lacks data.rewardAmount");
        assertThatThrownBy(() -> reader.read(null, blankCurrency.toString()))
                .isInstanceOf(UnreadableEventException.class).hasMessage("CompensationGranted v1 lacks data.currency");
    }

    @Test
    void staffFacingEventsAndTheSecondAcknowledgementAreSkippedUnread() {
        Instant now = Instant.now();
        EventEnvelope<SlaWarning> warning = EventEnvelope.of(SlaWarning.EVENT, "C-1001", now,
                new SlaWarning(UUID.randomUUID(), "FIRST_REPLY", "default", now, now, null, null));
        EventEnvelope<ComplaintAcknowledged> acknowledged = EventEnvelope.of(ComplaintAcknowledged.EVENT, "C-1001", now,
                new ComplaintAcknowledged(UUID.randomUUID(), "CMP-7K2M9QAB", now));

        assertThat(reader.read(null, json.valueToTree(warning).toString())).isEmpty();
        assertThat(reader.read(null, json.valueToTree(acknowledged).toString())).isEmpty();
        for (EventType skipped : List.of(SlaWarning.EVENT, SlaBreached.EVENT, SlaEscalated.EVENT, ComplaintAcknowledged.EVENT)) {
            assertThat(reader.read(skipped.cloudEventType(), "{oops")).as(skipped.name()).isEmpty();
        }
    }

    private static EventEnvelope<CompensationGranted> compensation() {
        return EventEnvelope.of(CompensationGranted.EVENT, "C-1001", Instant.parse("2026-11-02T09:30:00Z"),
                new CompensationGranted(UUID.randomUUID(), "CMP-7K2M9QAB", UUID.randomUUID(), new BigDecimal("9.99"),
                        new BigDecimal("9.99"), "EUR", Instant.parse("2026-11-02T09:30:00Z")));
    }

    private static EventEnvelope<ComplaintReceived> sample() {
        Instant received = Instant.parse("2026-11-02T09:30:00Z");
        return EventEnvelope.of(ComplaintReceived.EVENT, "C-1001", received, new ComplaintReceived(UUID.randomUUID(),
                "CMP-7K2M9QAB", "Charged twice", "BILLING", "APP", received, received.plus(Duration.ofHours(48))));
    }
}
