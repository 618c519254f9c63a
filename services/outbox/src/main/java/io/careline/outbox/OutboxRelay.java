package io.careline.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka through the service's {@code outbox} channel, oldest first, and marks each one published once the broker acknowledged it.
 *
 * <p>One relay works at a time across all replicas (a transaction-scoped advisory lock): with
 * {@code FOR UPDATE SKIP LOCKED} alone, two replicas would publish interleaved batches and could reorder one
 * customer's events. A batch stops at the first event the broker does not take, so later events never overtake
 * it; the rows stay and the next tick retries them. Delivery is at-least-once: a crash between the broker's
 * acknowledgement and the commit publishes those events again, and consumers apply each event id once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // any constant that no other advisory lock in this database uses
    private static final long RELAY_LOCK = 0x6361_7265_6c6f_7574L;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final String source;
    private final AtomicLong pending;

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application, MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.source = "/careline/" + application; // the CloudEvents source: which service said it
        this.pending = registry.gauge("careline.outbox.pending", new AtomicLong());
    }

    private record PendingEvent(UUID id, String topic, String key, String type, String payload, OffsetDateTime occurredAt) {
    }

    // not before the application runs: the emitter's channel is only wired during start-up
    @Scheduled(every = "${careline.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes what is waiting, in order; the number of events published. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? publishBatch(connection)
                        : Uni.createFrom().item(0)))
                .call(this::refreshPendingGauge);
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                SELECT id, topic, message_key, event_type, payload::text AS payload, occurred_at
                FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("message_key"),
                                row.getString("event_type"), row.getString("payload"), row.getOffsetDateTime("occurred_at")));
                    }
                    return publishInOrder(connection, batch);
                });
    }

    private Uni<Integer> publishInOrder(SqlConnection connection, List<PendingEvent> batch) {
        List<UUID> published = new ArrayList<>();
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(event -> send(event).invoke(() -> published.add(event.id())))
                .collect().last()
                .onFailure().recoverWithUni(failure -> recordFailure(connection, batch.get(published.size()), failure))
                .chain(() -> markPublished(connection, published))
                .replaceWith(() -> published.size());
    }

    private Uni<Void> send(PendingEvent event) {
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(event.topic())
                        .withKey(event.key())
                        .withHeaders(cloudEventHeaders(event))
                        .build());
        return emitter.sendMessage(message).ifNoItem().after(config.publishTimeout()).fail();
    }

    /**
     * CloudEvents' Kafka binding in binary mode: attributes as ce_ headers, the envelope as the value, untouched.
     * (SmallRye's own CloudEvents writer would JSON-encode a String value a second time.)
     */
    private Headers cloudEventHeaders(PendingEvent event) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8(event.id().toString()));
        headers.add("ce_type", utf8(event.type()));
        headers.add("ce_source", utf8(source));
        headers.add("ce_subject", utf8(event.key()));
        headers.add("ce_time", utf8(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())));
        headers.add("content-type", utf8("application/json"));
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Uni<Void> recordFailure(SqlConnection connection, PendingEvent event, Throwable failure) {
        LOG.warnf("event %s not published yet (%s); it stays in the outbox", event.id(), failure.toString());
        return connection.preparedQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
                .execute(Tuple.of(event.id(), String.valueOf(failure.getMessage())))
                .replaceWithVoid();
    }

    private Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    private Uni<Void> refreshPendingGauge() {
        return pool.query("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").execute()
                .invoke(rows -> pending.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }

    /** Published events are kept a while for inspection and replay, then deleted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deleteOldPublished() {
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < now() - $1::interval")
                .execute(Tuple.of(config.retention().getSeconds() + " seconds"))
                .invoke(rows -> LOG.debugf("deleted %d published outbox events", rows.rowCount()))
                .replaceWithVoid();
    }
}
