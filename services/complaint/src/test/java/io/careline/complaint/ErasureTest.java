package io.careline.complaint;

import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.fileAsAgent;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static io.careline.complaint.ComplaintTestSupport.KAFKA;
import static io.careline.complaint.ComplaintTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * CustomerErased from careline.customer.v1: the customer's complaints pseudonymised once per event id, counts and SLA
 * facts kept, another customer untouched, ErasureConfirmed published once; other events skipped, unreadable ones to
 * the DLQ.
 */
@QuarkusTest
class ErasureTest {

    private static final String TOPIC = "test." + Topics.CUSTOMER;
    private static final String DLQ = "test.careline.complaint.dlq";
    private static final String ERASED_TYPE = "io.careline.CustomerErased.v1";
    private static final String CONFIRMED_TYPE = "io.careline.ErasureConfirmed.v1";

    @Inject
    Pool pool;

    @Test
    void anErasedCustomersComplaintsArePseudonymisedOnceAndTheFactsStay() {
        String customer = "C-E" + UUID.randomUUID().toString().substring(0, 8);
        String other = "C-K" + UUID.randomUUID().toString().substring(0, 8);
        String subject = unique("Roaming bill of Ivan Petrov");
        String id = fileAsAgent("agnes", customer, "BILLING", subject, Map.of("attachments",
                List.of(Map.of("uri", "https://files.example.com/ivan-petrov.pdf", "name", "ivan-petrov.pdf", "mediaType", "application/pdf"))));
        staff("agnes").body(Map.of("body", "Dear Mr Petrov, we will call you on +7 900 123 45 67.")).post(STAFF + "/" + id + "/replies")
                .then().statusCode(201);
        staff("agnes").body(Map.of("body", "Mr Petrov's wife called from her mobile.")).post(STAFF + "/" + id + "/notes")
                .then().statusCode(201);
        // the customer's own answer (from the app in production)
        pool.preparedQuery("""
                INSERT INTO complaint_message (id, complaint_id, kind, author, author_role, by_person, body, created_at)
                VALUES (gen_random_uuid(), $1, 'CUSTOMER', $2, 'CUSTOMER', true, 'I am at Lenina 5, flat 12', now())""")
                .execute(Tuple.of(UUID.fromString(id), customer)).await().atMost(Duration.ofSeconds(10));
        String othersSubject = unique("Someone else's bill");
        String othersId = fileAsAgent("agnes", other, "BILLING", othersSubject);
        long ledgerEntries = count(pool, "SELECT count(*) FROM sla_ledger WHERE complaint_id = $1", UUID.fromString(id));
        long messages = count(pool, "SELECT count(*) FROM complaint_message WHERE complaint_id = $1", UUID.fromString(id));
        long transitions = count(pool, "SELECT count(*) FROM complaint_transition WHERE complaint_id = $1", UUID.fromString(id));

        UUID eventId = UUID.randomUUID();
        send(customer, ERASED_TYPE, erased(eventId, customer));
        awaitPseudonymised(id);

        Row complaint = row("SELECT customer_id, subject, description, attachments::text AS attachments, category, channel, status, "
                + "priority FROM complaint WHERE id = $1", id);
        String pseudonym = complaint.getString("customer_id");
        assertThat(pseudonym).startsWith("ERASED-").doesNotContain(customer);
        assertThat(complaint.getString("subject")).isEqualTo("(erased)");
        assertThat(complaint.getString("description")).isEqualTo("(erased)");
        assertThat(complaint.getString("attachments")).isEqualTo("[]");
        assertThat(List.of(complaint.getString("category"), complaint.getString("channel"), complaint.getString("status")))
                .containsExactly("BILLING", "HOTLINE", "IN_PROGRESS");
        assertThat(count(pool, "SELECT count(*) FROM complaint WHERE customer_id = $1", customer)).isZero();
        // every text a person wrote is gone, the conversation's shape and the audit trail stay
        assertThat(count(pool, "SELECT count(*) FROM complaint_message WHERE complaint_id = $1", UUID.fromString(id))).isEqualTo(messages);
        assertThat(count(pool, "SELECT count(*) FROM complaint_message WHERE complaint_id = $1 AND author_role <> 'SYSTEM' "
                + "AND body <> '(erased)'", UUID.fromString(id))).isZero();
        assertThat(count(pool, "SELECT count(*) FROM complaint_message WHERE author = $1", customer)).isZero();
        assertThat(count(pool, "SELECT count(*) FROM complaint_message WHERE complaint_id = $1 AND author = $2",
                UUID.fromString(id), pseudonym)).isEqualTo(1);
        assertThat(count(pool, "SELECT count(*) FROM complaint_transition WHERE complaint_id = $1", UUID.fromString(id))).isEqualTo(transitions);
        // SLA clocks follow the pseudonym; the ledger is untouched
        assertThat(count(pool, "SELECT count(*) FROM sla_clock WHERE complaint_id = $1 AND customer_id = $2", UUID.fromString(id), pseudonym))
                .isEqualTo(2);
        assertThat(count(pool, "SELECT count(*) FROM sla_ledger WHERE complaint_id = $1", UUID.fromString(id))).isEqualTo(ledgerEntries);
        // another customer's complaint is as it was
        Row untouched = row("SELECT customer_id, subject, pseudonymised_at FROM complaint WHERE id = $1", othersId);
        assertThat(untouched.getString("customer_id")).isEqualTo(other);
        assertThat(untouched.getString("subject")).isEqualTo(othersSubject);
        assertThat(untouched.getValue("pseudonymised_at")).isNull();

        // the same event again, after the customer came back with a new complaint: not applied twice
        String comeback = fileAsAgent("agnes", customer, "SERVICE", unique("came back"));
        send(customer, ERASED_TYPE, erased(eventId, customer));
        // a third customer's erasure on the same key, so it is read after the redelivery
        String third = "C-T" + UUID.randomUUID().toString().substring(0, 8);
        String thirdsId = fileAsAgent("agnes", third, "SERVICE", unique("third"));
        send(customer, ERASED_TYPE, erased(UUID.randomUUID(), third));
        awaitPseudonymised(thirdsId);
        assertThat(row("SELECT customer_id FROM complaint WHERE id = $1", comeback).getString("customer_id")).isEqualTo(customer);
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = $1 AND message_key = $2", CONFIRMED_TYPE, customer))
                .isEqualTo(1);

        // the confirmation reaches the complaint topic, keyed by the customer the customer service asked about
        ConsumerTask<String, String> published = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(OutboxTestSupport.COMPLAINT_TOPIC);
        ConsumerRecord<String, String> confirmation;
        try {
            confirmation = await().atMost(Duration.ofSeconds(60)).until(() -> published.getRecords().stream()
                    .filter(r -> customer.equals(r.key()) && value(r, "ce_type").equals(CONFIRMED_TYPE)).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        } finally {
            published.stop();
        }
        assertThat(confirmation.key()).isEqualTo(customer);
        assertThat(confirmation.value()).containsPattern("\"service\": ?\"complaint\"");
    }

    @Test
    void otherEventsAreSkippedAndOnlyUnreadableRecordsGoToTheDeadLetterTopic() {
        String customer = "C-E" + UUID.randomUUID().toString().substring(0, 8);
        String subject = unique("kept while other events pass");
        String id = fileAsAgent("agnes", customer, "SERVICE", subject);
        String marker = "not json " + UUID.randomUUID();

        send(customer, "io.careline.CustomerUpdated.v1", "{\"whatever\":true}");
        send(customer, null, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CustomerRegistered\",\"version\":1,\"customerId\":\""
                + customer + "\",\"data\":{}}");
        assertThat(row("SELECT subject FROM complaint WHERE id = $1", id).getString("subject")).isEqualTo(subject);
        send(customer, null, marker);
        send(customer, null, erased(UUID.randomUUID(), customer));

        awaitPseudonymised(id);
        ConsumerTask<String, String> dead = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(DLQ);
        try {
            List<String> values = await().atMost(Duration.ofSeconds(30)).until(
                    () -> new ArrayList<>(dead.getRecords().stream().map(ConsumerRecord::value).toList()), found -> found.contains(marker));
            assertThat(values).noneMatch(value -> value.contains("whatever") || value.contains("CustomerRegistered"));
        } finally {
            dead.stop();
        }
    }

    private void awaitPseudonymised(String complaintId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> row("SELECT pseudonymised_at FROM complaint WHERE id = $1", complaintId)
                .getValue("pseudonymised_at") != null);
    }

    private Row row(String sql, String complaintId) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(complaintId))).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
    }

    private static void send(String key, String ceType, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, null, key, value);
        if (ceType != null) {
            record.headers().add(new RecordHeader("ce_type", ceType.getBytes(StandardCharsets.UTF_8)));
        }
        KAFKA.produceStrings().fromRecords(List.of(record)).awaitCompletion(Duration.ofSeconds(30));
    }

    private static String erased(UUID eventId, String customerId) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"CustomerErased\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"customerId\":\"" + customerId + "\",\"data\":{\"customerId\":\"" + customerId
                + "\",\"requestedAt\":\"" + Instant.now() + "\"}}";
    }

    private static String value(ConsumerRecord<String, String> record, String header) {
        var found = record.headers().lastHeader(header);
        return found == null ? "" : new String(found.value(), StandardCharsets.UTF_8);
    }
}
