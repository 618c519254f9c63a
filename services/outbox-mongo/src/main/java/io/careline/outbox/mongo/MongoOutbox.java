package io.careline.outbox.mongo;

import static io.careline.outbox.mongo.OutboxFields.DUE_AT;
import static io.careline.outbox.mongo.OutboxFields.OUTBOX;
import static io.careline.outbox.mongo.OutboxFields.REV;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.outbox.core.TraceContext;

/**
 * Puts events into the document whose change they announce, so that the change and its events are one single-document
 * write: atomic on a replica set and on the Mongo-wire stand-in alike, with no multi-document transaction.
 *
 * <pre>{@code
 * Document event = outbox.event(CustomerEvents.PROFILE_CHANGED, envelope);
 * customers.updateOne(eq("_id", id), Updates.combine(Updates.set("email", email), outbox.push(event)))
 *         .invoke(outbox::written);
 * }</pre>
 *
 * A new document carries its first events from the start: {@code customers.insertOne(outbox.insert(document, event))}.
 * The collection must be listed in {@code careline.outbox.collections}.
 */
@ApplicationScoped
public class MongoOutbox {

    private static final AtomicLong LAST_POSITION = new AtomicLong();

    private final ObjectMapper json;
    private final TraceContext trace;
    private final MongoOutboxRelay relay;

    public MongoOutbox(ObjectMapper json, TraceContext trace, MongoOutboxRelay relay) {
        this.json = json;
        this.trace = trace;
        this.relay = relay;
    }

    /** The outbox entry for an event: give it to {@link #push} or {@link #insert} in the write of the change. */
    public Document event(EventType type, EventEnvelope<?> envelope) {
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type.name() + " is not serializable", e);
        }
        Document event = new Document(OutboxFields.ID, envelope.id().toString())
                .append(OutboxFields.POSITION, nextPosition())
                .append(OutboxFields.TOPIC, type.topic())
                .append(OutboxFields.KEY, envelope.customerId())
                .append(OutboxFields.TYPE, type.cloudEventType())
                .append(OutboxFields.PAYLOAD, payload)
                .append(OutboxFields.OCCURRED_AT, Date.from(envelope.occurredAt()));
        trace.traceparent().ifPresent(traceparent -> event.append(OutboxFields.TRACEPARENT, traceparent));
        return event;
    }

    /** The update operators that add these events to a document's outbox: combine them with the change's own. */
    public Bson push(Document... events) {
        return Updates.combine(
                Updates.pushEach(OUTBOX, List.of(events), new PushOptions()),
                // due now, unless it already was; a document whose events all wait (back-off, parked) wakes up
                Updates.min(DUE_AT, new Date()),
                Updates.inc(REV, 1L));
    }

    /** A new document with these events in its outbox, for an insert. */
    public Document insert(Document document, Document... events) {
        return document.append(OUTBOX, List.of(events)).append(DUE_AT, new Date()).append(REV, 1L);
    }

    /** Call once the write succeeded: this replica's relay publishes at once rather than at its next poll. */
    public void written() {
        relay.wake();
    }

    /**
     * Microseconds since the epoch, strictly increasing in this process: the order of one key's events across
     * documents. Across replicas it is as good as their clocks (see the README).
     */
    static long nextPosition() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return LAST_POSITION.updateAndGet(last -> Math.max(now, last + 1));
    }
}
