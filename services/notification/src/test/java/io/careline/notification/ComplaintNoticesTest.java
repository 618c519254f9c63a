package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintAcknowledged;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.contracts.complaint.IncidentResolved;
import io.careline.contracts.complaint.SlaBreached;
import io.careline.contracts.complaint.SlaEscalated;
import io.careline.contracts.complaint.SlaWarning;
import io.careline.notification.repository.InboxMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The complaint service's other events on the real topic: each customer-facing one makes one message of its own kind
 * in its customer's inbox, also when delivered twice; the staff-facing ones and the duplicates of the acknowledgement
 * make none.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ComplaintNoticesTest extends InboxTestBase {

    @Test
    void aReplyMakesOneNoticeThatQuotesNothingButTheReference() {
        EventEnvelope<ComplaintReplied> reply = event(ComplaintReplied.EVENT, ALICE, new ComplaintReplied(UUID.randomUUID(),
                reference(), UUID.randomUUID(), now(), true, true));
        // as if a producer leaked the reply's text into the event: it still reaches no inbox
        ObjectNode leaky = json.valueToTree(reply);
        ((ObjectNode) leaky.get("data")).put("body", "Internal: customer is difficult " + UUID.randomUUID());

        Map<String, Object> message = deliveredOnce(ALICE, alice(), reply, leaky.toString());

        String reference = reply.data().reference();
        assertThat(message.get("kind")).isEqualTo("COMPLAINT_REPLY");
        assertThat(message.get("title")).isEqualTo("You have a reply on complaint " + reference);
        assertThat(message.get("body")).isEqualTo(
                "We replied to your complaint " + reference + ". Open the complaint in the app to read the reply.");
        assertThat(message.get("complaintId")).isEqualTo(reply.data().complaintId().toString());
        assertThat(message.get("complaintReference")).isEqualTo(reference);
        assertThat(message.get("firstReplyDueAt")).isNull();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("careline_inbox_messages_created_total{kind=\"COMPLAINT_REPLY\""));
    }

    @Test
    void aResolutionMakesOneNotice() {
        EventEnvelope<ComplaintResolved> resolved = event(ComplaintResolved.EVENT, ALICE, new ComplaintResolved(
                UUID.randomUUID(), reference(), now().minus(Duration.ofDays(2)), now()));

        Map<String, Object> message = deliveredOnce(ALICE, alice(), resolved, toJson(resolved));

        assertThat(message.get("kind")).isEqualTo("COMPLAINT_RESOLVED");
        assertThat((String) message.get("title")).contains(resolved.data().reference()).contains("resolved");
        assertThat((String) message.get("body")).contains("reopen");
        assertThat(message.get("complaintId")).isEqualTo(resolved.data().complaintId().toString());
    }

    @Test
    void aCompensationNoticeStatesTheRefundAndTheReward() {
        // different amounts (the service grants equal ones) so that each is shown to be quoted from its own field
        EventEnvelope<CompensationGranted> granted = event(CompensationGranted.EVENT, BOB, new CompensationGranted(
                UUID.randomUUID(), reference(), UUID.randomUUID(), new BigDecimal("12.50"), new BigDecimal("7.25"), "EUR",
                now()));

        Map<String, Object> message = deliveredOnce(BOB, bob(), granted, toJson(granted));

        assertThat(message.get("kind")).isEqualTo("COMPENSATION_GRANTED");
        assertThat((String) message.get("title")).contains(granted.data().reference());
        assertThat((String) message.get("body"))
                .contains("refund the overcharge of 12.50 EUR")
                .contains("another 7.25 EUR");
        assertThat(message.get("complaintId")).isEqualTo(granted.data().complaintId().toString());
    }

    @Test
    void eachReporterOfAResolvedIncidentGetsOneNotice() {
        UUID incident = UUID.randomUUID();
        String area = "Harbour district " + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<IncidentResolved> toAlice = event(IncidentResolved.EVENT, ALICE,
                new IncidentResolved(incident, "DROPPED_CALLS", area, now(), 2));
        EventEnvelope<IncidentResolved> toBob = event(IncidentResolved.EVENT, BOB,
                new IncidentResolved(incident, "DROPPED_CALLS", area, now(), 2));

        Map<String, Object> alices = deliveredOnce(ALICE, alice(), toAlice, toJson(toAlice));
        Map<String, Object> bobs = deliveredOnce(BOB, bob(), toBob, toJson(toBob));

        assertThat(alices.get("kind")).isEqualTo("INCIDENT_RESOLVED");
        assertThat((String) alices.get("body")).contains("dropped calls").contains(area).doesNotContain(BOB);
        assertThat(alices.get("complaintId")).isNull();
        assertThat(bobs.get("id")).isNotEqualTo(alices.get("id"));
        assertThat((String) bobs.get("body")).doesNotContain(ALICE);
    }

    @Test
    void aDrawWinnerGetsOneNoticeWithThePrize() {
        EventEnvelope<DrawWinnersAnnounced> won = event(DrawWinnersAnnounced.EVENT, BOB, new DrawWinnersAnnounced(
                UUID.randomUUID(), "2026-10", "seed-" + UUID.randomUUID(), 1, 3, 40, "0".repeat(64),
                new BigDecimal("50.00"), "EUR", now()));

        Map<String, Object> message = deliveredOnce(BOB, bob(), won, toJson(won));

        assertThat(message.get("kind")).isEqualTo("DRAW_WON");
        assertThat((String) message.get("title")).contains("2026-10");
        assertThat((String) message.get("body")).contains("50.00 EUR");
    }

    @Test
    void reopeningAndClosingAreTheStatusChangesTheCustomerIsToldOf() {
        UUID complaint = UUID.randomUUID();
        String reference = reference();
        EventEnvelope<ComplaintStatusChanged> reopened = statusChange(complaint, reference, "RESOLVED", "IN_PROGRESS");
        EventEnvelope<ComplaintStatusChanged> closed = statusChange(UUID.randomUUID(), reference(), "RESOLVED", "CLOSED");

        Map<String, Object> reopenedMessage = deliveredOnce(ALICE, alice(), reopened, toJson(reopened));
        Map<String, Object> closedMessage = deliveredOnce(ALICE, alice(), closed, toJson(closed));

        assertThat(reopenedMessage.get("kind")).isEqualTo("COMPLAINT_REOPENED");
        assertThat((String) reopenedMessage.get("title")).contains(reference).contains("open again");
        assertThat(closedMessage.get("kind")).isEqualTo("COMPLAINT_CLOSED");
        assertThat((String) closedMessage.get("title")).contains(closed.data().reference()).contains("closed");
    }

    @Test
    void slaEventsTheDuplicateAcknowledgementAndOtherStatusChangesPutNothingInTheInbox() {
        UUID complaint = UUID.randomUUID();
        String reference = reference();
        Instant due = now().plus(Duration.ofHours(12));
        List<EventEnvelope<?>> silent = List.of(
                event(SlaWarning.EVENT, ALICE, new SlaWarning(complaint, "FIRST_REPLY", "default", due, now(), "agnes", "north")),
                event(SlaBreached.EVENT, ALICE, new SlaBreached(complaint, "FIRST_REPLY", "default", due, now(), "supervisor",
                        "agnes", "north")),
                event(SlaEscalated.EVENT, ALICE, new SlaEscalated(complaint, "FIRST_REPLY", "default", due, now(), "manager",
                        "agnes", "north")),
                event(ComplaintAcknowledged.EVENT, ALICE, new ComplaintAcknowledged(complaint, reference, now())),
                statusChange(complaint, reference, "RECEIVED", "ACKNOWLEDGED"),
                statusChange(complaint, reference, "ACKNOWLEDGED", "IN_PROGRESS"),
                statusChange(complaint, reference, "IN_PROGRESS", "WAITING_ON_CUSTOMER"),
                statusChange(complaint, reference, "WAITING_ON_CUSTOMER", "RESOLVED"));

        silent.forEach(this::publish);
        applied(ALICE, alice());

        assertThat(repository.count("complaintId", complaint.toString()).await().atMost(Duration.ofSeconds(5))).isZero();
        for (EventEnvelope<?> event : silent) {
            assertThat(repository.count("sourceEventId", event.id().toString()).await().atMost(Duration.ofSeconds(5)))
                    .as(event.type()).isZero();
        }
        assertThat(deadLetters()).noneMatch(value -> value.contains(complaint.toString()));
    }

    @Test
    void anUnreadableReplyGoesToTheDeadLetterTopic() {
        EventEnvelope<ComplaintReplied> reply = event(ComplaintReplied.EVENT, ALICE, new ComplaintReplied(
                UUID.randomUUID(), reference(), UUID.randomUUID(), now(), true, false));
        ObjectNode noReference = json.valueToTree(reply);
        ((ObjectNode) noReference.get("data")).remove("reference");
        String complaintId = reply.data().complaintId().toString();

        publish(reply, noReference.toString());
        applied(ALICE, alice());

        ConsumerRecord<String, String> dead = awaitDeadLetter(noReference.toString());
        assertThat(header(dead, "dead-letter-reason")).contains("ComplaintReplied v1 lacks data.reference");
        assertThat(repository.count("complaintId", complaintId).await().atMost(Duration.ofSeconds(5))).isZero();
    }

    /**
     * Publishes the event's record twice (a redelivery: same envelope id), then waits until an acknowledgement sent
     * after it on the same key (so the same partition) is in the inbox: both deliveries were consumed by then. Checks
     * one message was stored for the event, for this customer only, and returns it as the customer's inbox shows it.
     */
    private Map<String, Object> deliveredOnce(String customerId, String token, EventEnvelope<?> event, String value) {
        assertThat(event.customerId()).isEqualTo(customerId);
        publish(event, value);
        publish(event, value);
        applied(customerId, token);

        List<InboxMessage> stored = repository.list("sourceEventId", event.id().toString()).await().atMost(Duration.ofSeconds(5));
        assertThat(stored).as("messages stored for event " + event.type()).hasSize(1);
        assertThat(stored.get(0).customerId).isEqualTo(customerId);
        String id = stored.get(0).id.toHexString();
        String other = customerId.equals(ALICE) ? bob() : alice();
        assertThat(inbox(other, 100).getList("items.id", String.class)).as("the other customer's inbox").doesNotContain(id);
        List<Map<String, Object>> shown = inbox(token, 100).getList("items.findAll { it.id == '" + id + "' }");
        assertThat(shown).hasSize(1);
        return shown.get(0);
    }

    /** Sends an acknowledgement on the customer's key and waits for it: everything sent before it on that key is consumed. */
    private void applied(String customerId, String token) {
        EventEnvelope<ComplaintReceived> marker = complaintReceived(customerId, "Sent after the events under test");
        publish(marker);
        awaitMessageAbout(token, marker.data().complaintId());
    }

    private static EventEnvelope<ComplaintStatusChanged> statusChange(UUID complaint, String reference, String from, String to) {
        return event(ComplaintStatusChanged.EVENT, ALICE, new ComplaintStatusChanged(complaint, reference, from, to, now()));
    }

    private static <T> EventEnvelope<T> event(EventType type, String customerId, T data) {
        return EventEnvelope.of(type, customerId, now(), data);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
