package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.repository.InboxMessageRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events on the real complaint topic become acknowledgements in the real inbox, once each, and nothing is lost. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class ComplaintAcknowledgementTest extends InboxTestBase {

    @Test
    void complaintReceivedPutsAnAcknowledgementInTheCustomersInbox() {
        EventEnvelope<ComplaintReceived> event = complaintReceived(ALICE, "Charged twice for March");
        ComplaintReceived complaint = event.data();

        publish(event);

        Map<String, Object> message = awaitMessageAbout(alice(), complaint.complaintId());
        assertThat(message.get("kind")).isEqualTo("COMPLAINT_ACKNOWLEDGEMENT");
        assertThat((String) message.get("title")).contains(complaint.reference());
        assertThat((String) message.get("body"))
                .contains(complaint.reference())
                .contains("Charged twice for March")
                .contains("first reply by")
                .contains("within 48 hours");
        assertThat(message.get("complaintReference")).isEqualTo(complaint.reference());
        assertThat(Instant.parse((String) message.get("firstReplyDueAt"))).isEqualTo(complaint.firstReplyDueAt());
        assertThat(message.get("createdAt")).isNotNull();
        assertThat(message.get("readAt")).isNull();
        assertThat((String) message.get("id")).matches("[0-9a-f]{24}");

        assertThat(messagesAbout(bob(), complaint.complaintId())).as("bob's inbox").isEmpty();
        given().when().get("/q/metrics").then().statusCode(200).body(containsString(
                "careline_inbox_messages_created_total{kind=\"COMPLAINT_ACKNOWLEDGEMENT\""));
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneMessage() {
        EventEnvelope<ComplaintReceived> event = complaintReceived(ALICE, "Router keeps dropping");
        EventEnvelope<ComplaintReceived> later = complaintReceived(ALICE, "And the bill is wrong");

        publish(event);
        publish(event); // same envelope id: a redelivery, as after a relay crash
        publish(later);

        // same key, same partition: once the later event shows, both deliveries of the first have been consumed
        awaitMessageAbout(alice(), later.data().complaintId());
        assertThat(messagesAbout(alice(), event.data().complaintId())).hasSize(1);
        assertThat(repository.count("complaintId", event.data().complaintId().toString()).await().atMost(Duration.ofSeconds(5)))
                .as("messages stored for the complaint").isEqualTo(1L);
        // the redelivery was taken as already applied, not failed into the dead-letter topic
        assertThat(deadLetters()).noneMatch(value -> value.contains(event.id().toString()));
    }

    @Test
    void theDeDuplicationIndexIsCreatedAtStartInAFreshDatabase() {
        // the run's database is new (InProcessMongo): an index left by an earlier run cannot stand in for this one
        Document index = await().atMost(PROCESSED).until(() -> repository.mongoCollection().listIndexes().collect().asList()
                .await().atMost(Duration.ofSeconds(5)).stream()
                .filter(found -> InboxMessageRepository.SOURCE_EVENT_INDEX.equals(found.getString("name")))
                .findFirst(), Optional::isPresent).get();
        assertThat(index.getBoolean("unique", false)).as("unique").isTrue();
        assertThat(index.get("key", Document.class)).isEqualTo(new Document("sourceEventId", 1));
    }

    @Test
    void recordsThatCannotBeReadGoToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        String notJson = "this is not an envelope " + UUID.randomUUID();
        ObjectNode missingReference = json.valueToTree(complaintReceived(ALICE, "Missing its reference"));
        ((ObjectNode) missingReference.get("data")).remove("reference");
        String missingReferenceJson = missingReference.toString();
        EventEnvelope<ComplaintReceived> after = complaintReceived(ALICE, "Sent after the broken ones");

        publishRaw(ALICE, notJson);
        publishRaw(ALICE, missingReferenceJson);
        publish(after);

        awaitMessageAbout(alice(), after.data().complaintId());
        ConsumerRecord<String, String> deadNotJson = awaitDeadLetter(notJson);
        assertThat(deadNotJson.key()).isEqualTo(ALICE);
        assertThat(header(deadNotJson, "dead-letter-topic")).isEqualTo(topic());
        assertThat(header(deadNotJson, "dead-letter-reason")).contains("not JSON");
        ConsumerRecord<String, String> deadMissing = awaitDeadLetter(missingReferenceJson);
        assertThat(header(deadMissing, "dead-letter-reason")).contains("data.reference");
        assertThat(repository.count("complaintId", missingReference.at("/data/complaintId").asText())
                .await().atMost(Duration.ofSeconds(5))).isZero();
    }

    @Test
    void eventsOfOtherTypesOrVersionsAreSkippedNotDeadLettered() {
        ComplaintReceived otherType = complaintReceived(ALICE, "closed, not received").data();
        ComplaintReceived otherVersion = complaintReceived(ALICE, "a version 2 shape").data();
        String smokeTest = "{\"run\": \"" + UUID.randomUUID() + "\", \"seq\": 0}";
        EventEnvelope<ComplaintReceived> after = complaintReceived(ALICE, "Sent after the foreign ones");

        // another type, declared by its ce_type header
        publish(new EventEnvelope<>(UUID.randomUUID(), "ComplaintClosed", 1, Instant.now(), ALICE, otherType));
        // another version, with no headers: the envelope says so
        publishRaw(ALICE, toJson(new EventEnvelope<>(UUID.randomUUID(), "ComplaintReceived", 2, Instant.now(), ALICE, otherVersion)));
        // someone's smoke test on the shared topic: not an envelope, but its ce_type says it is not ours anyway
        // (alice's key, so it shares her partition and is consumed before the event sent after it)
        publish(new ProducerRecord<>(topic(), null, ALICE, smokeTest,
                new RecordHeaders().add("ce_type", utf8("io.careline.Test.v1"))));
        publish(after);

        awaitMessageAbout(alice(), after.data().complaintId());
        assertThat(messagesAbout(alice(), otherType.complaintId())).isEmpty();
        assertThat(messagesAbout(alice(), otherVersion.complaintId())).isEmpty();
        assertThat(deadLetters()).noneMatch(value -> value.contains(otherType.complaintId().toString())
                || value.contains(otherVersion.complaintId().toString())
                || value.equals(smokeTest));
    }

    @Test
    void theInboxNeedsACustomersToken() {
        given().when().get("/api/v1/me/inbox")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().auth().oauth2(agnes()).when().get("/api/v1/me/inbox")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(agnes()).when().post("/api/v1/me/inbox/" + "0".repeat(24) + "/read")
                .then().statusCode(403);
    }
}
