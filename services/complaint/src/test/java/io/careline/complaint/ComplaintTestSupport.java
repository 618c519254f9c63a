package io.careline.complaint;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.service.FileComplaint;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.Topics;
import io.careline.contracts.complaint.ComplaintReceived;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads what the service wrote where it wrote it: the real database and the real topic. */
final class ComplaintTestSupport {

    static final KafkaCompanion KAFKA = new KafkaCompanion("127.0.0.1:9092");
    private static final Vertx VERTX = Vertx.vertx();

    private ComplaintTestSupport() {
    }

    static long count(Pool pool, String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** The first record on the complaint topic whose value mentions the marker (a complaint id, say). */
    static ConsumerRecord<String, String> awaitComplaintEvent(String marker) {
        return complaintEventsMentioning(marker, 1).get(0);
    }

    /** The records on the complaint topic whose value mentions the marker, once there are at least {@code expected}. */
    static List<ConsumerRecord<String, String>> complaintEventsMentioning(String marker, int expected) {
        ConsumerTask<String, String> records = KAFKA.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(OutboxTestSupport.COMPLAINT_TOPIC);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(
                    () -> records.getRecords().stream().filter(r -> r.value().contains(marker)).toList(),
                    found -> found.size() >= expected);
        } finally {
            records.stop();
        }
    }

    /**
     * A complaint and its outbox row, inserted as the service would file them, in a transaction the test holds open:
     * a request with the same idempotency key blocks on the unique index until the test commits or rolls back.
     */
    static HeldComplaint holdComplaint(ObjectMapper json, FileComplaint request) {
        UUID id = UUID.randomUUID();
        String reference = "CMP-T" + id.toString().substring(0, 7).toUpperCase();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String payload;
        try {
            payload = json.writeValueAsString(EventEnvelope.of(ComplaintReceived.EVENT, request.customerId(), now,
                    new ComplaintReceived(id, reference, request.subject(), request.category().name(),
                            request.channel(), now, now.plus(Duration.ofHours(48)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // a connection of its own, as another client's: the service's pool stays whole for the requests under test
        Config config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        SqlConnection connection = PgConnection.connect(VERTX, options).await().atMost(Duration.ofSeconds(10));
        Transaction transaction = connection.begin().await().atMost(Duration.ofSeconds(10));
        connection.preparedQuery("""
                INSERT INTO complaint (id, reference, customer_id, channel, category, subject, description, status,
                    received_at, first_reply_due_at, idempotency_key, request_fingerprint)
                VALUES ($1, $2, $3, $4, $5, $6, $7, 'RECEIVED', $8, $9, $10, $11)""")
                .execute(Tuple.from(List.of(id, reference, request.customerId(), request.channel(),
                        request.category().name(), request.subject(), request.description(), now.atOffset(ZoneOffset.UTC),
                        now.plus(Duration.ofHours(48)).atOffset(ZoneOffset.UTC), request.idempotencyKey(),
                        request.fingerprint())))
                .await().atMost(Duration.ofSeconds(10));
        connection.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at)
                VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)""")
                .execute(Tuple.from(List.of(UUID.randomUUID(), Topics.COMPLAINT, request.customerId(),
                        ComplaintReceived.EVENT.cloudEventType(), payload, now.atOffset(ZoneOffset.UTC))))
                .await().atMost(Duration.ofSeconds(10));
        return new HeldComplaint(id, connection, transaction);
    }

    record HeldComplaint(UUID id, SqlConnection connection, Transaction transaction) {

        void commit() {
            transaction.commit().await().atMost(Duration.ofSeconds(10));
            connection.closeAndAwait();
        }

        void rollback() {
            transaction.rollback().await().atMost(Duration.ofSeconds(10));
            connection.closeAndAwait();
        }
    }

    /** Returns once a statement of this database waits for another transaction (the held row's unique key). */
    static void awaitBlockedOnHeldRow(Pool pool) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(pool, """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'transactionid'""") > 0);
    }

    /** Sends a whole complaint POST over a raw socket and hangs up without reading the answer. */
    static void postAndHangUp(int port, String token, String idempotencyKey, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/me/complaints HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
        }
    }
}
