package io.careline.outbox.mongo;

import static io.careline.outbox.mongo.OutboxFields.ATTEMPTS;
import static io.careline.outbox.mongo.OutboxFields.DUE_AT;
import static io.careline.outbox.mongo.OutboxFields.ID;
import static io.careline.outbox.mongo.OutboxFields.KEY;
import static io.careline.outbox.mongo.OutboxFields.NEXT_ATTEMPT_AT;
import static io.careline.outbox.mongo.OutboxFields.OUTBOX;
import static io.careline.outbox.mongo.OutboxFields.PARKED_AT;
import static io.careline.outbox.mongo.OutboxFields.REV;
import static io.careline.outbox.mongo.OutboxFields.inOutbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.careline.service.rest.PageView;

/**
 * The operator's view of parked events, across the collections that carry an outbox: list them, send one again, or
 * give one up. Blocking calls: the endpoint runs them on a worker thread.
 */
public class MongoParkedEvents {

    /** Discarded events, kept with who gave them up and when (the outbox in the document no longer holds them). */
    static final String DISCARDED = "outbox_discarded";

    private final OutboxCollections collections;
    private final MongoOutboxRelay relay;

    public MongoParkedEvents(OutboxCollections collections, MongoOutboxRelay relay) {
        this.collections = collections;
        this.relay = relay;
    }

    /** Parked events oldest first (by position); there are few, found through the sparse index of failed events. */
    public PageView<MongoParkedEvent> page(int page, int size) {
        List<MongoParkedEvent> parked = new ArrayList<>();
        for (MongoCollection<Document> collection : collections.all()) {
            for (Document document : collection.find(Filters.gt(inOutbox(ATTEMPTS), 0)).projection(Projections.include(OUTBOX))) {
                for (Document event : document.getList(OUTBOX, Document.class, List.of())) {
                    if (event.get(PARKED_AT) != null) {
                        parked.add(view(collection, document.get("_id"), event));
                    }
                }
            }
        }
        parked.sort(Comparator.comparingLong(MongoParkedEvent::position));
        long from = Math.min((long) page * size, parked.size());
        return new PageView<>(List.copyOf(parked.subList((int) from, (int) Math.min(from + size, parked.size()))), page, size,
                parked.size());
    }

    /**
     * The event gets a fresh series of attempts; the documents its key held back are due again, and this replica's
     * relay is woken (another replica's relay finds it at its next poll).
     *
     * @return false when no parked event has this id
     */
    public boolean retry(String id) {
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        Found event = found.get();
        long matched = event.collection().updateOne(parkedIn(event, id),
                Updates.combine(Updates.unset(inOutbox("$." + PARKED_AT)), Updates.unset(inOutbox("$." + NEXT_ATTEMPT_AT)),
                        Updates.unset(inOutbox("$." + ATTEMPTS)), Updates.min(DUE_AT, new Date()), Updates.inc(REV, 1L)))
                .getMatchedCount();
        if (matched == 0) {
            return false;
        }
        release(event.key());
        return true;
    }

    /**
     * The event is never sent: it leaves the document's outbox for {@code outbox_discarded}, with who gave it up and
     * when, and its key flows again.
     *
     * @return false when no parked event has this id
     */
    public boolean discard(String id, String operator) {
        Optional<Found> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        Found event = found.get();
        Document record = new Document(event.event()).append("_id", id)
                .append("collection", event.collection().getNamespace().getCollectionName())
                .append("documentId", event.documentId()).append("discardedAt", new Date()).append("discardedBy", operator);
        try {
            collections.discarded().insertOne(record);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) { // left by a discard that failed half-way
                throw e;
            }
        }
        long matched = event.collection().updateOne(parkedIn(event, id),
                Updates.combine(Updates.pull(OUTBOX, new Document(ID, id)), Updates.inc(REV, 1L))).getMatchedCount();
        if (matched == 0) {
            collections.discarded().deleteOne(Filters.eq("_id", id)); // retried or discarded meanwhile
            return false;
        }
        release(event.key());
        return true;
    }

    private record Found(MongoCollection<Document> collection, Object documentId, String key, Document event) {
    }

    private Optional<Found> find(String id) {
        for (MongoCollection<Document> collection : collections.all()) {
            Document document = collection.find(Filters.elemMatch(OUTBOX, Filters.and(Filters.eq(ID, id), Filters.exists(PARKED_AT))))
                    .projection(Projections.include(OUTBOX)).first();
            if (document != null) {
                for (Document event : document.getList(OUTBOX, Document.class, List.of())) {
                    if (id.equals(event.getString(ID))) {
                        return Optional.of(new Found(collection, document.get("_id"), event.getString(KEY), event));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Bson parkedIn(Found event, String id) {
        return Filters.and(Filters.eq("_id", event.documentId()),
                Filters.elemMatch(OUTBOX, Filters.and(Filters.eq(ID, id), Filters.exists(PARKED_AT))));
    }

    /** The documents whose events of this key waited behind the parked one are due again. */
    private void release(String key) {
        for (MongoCollection<Document> collection : collections.all()) {
            collection.updateMany(Filters.eq(inOutbox(KEY), key), Updates.combine(Updates.min(DUE_AT, new Date()), Updates.inc(REV, 1L)));
        }
        relay.wake();
    }

    private static MongoParkedEvent view(MongoCollection<Document> collection, Object documentId, Document event) {
        Date lastAttempt = event.getDate(OutboxFields.LAST_ATTEMPT_AT);
        return new MongoParkedEvent(event.getString(ID), MongoOutboxRelay.position(event),
                collection.getNamespace().getCollectionName(), String.valueOf(documentId), event.getString(OutboxFields.TOPIC),
                event.getString(KEY), event.getString(OutboxFields.TYPE), event.getDate(OutboxFields.OCCURRED_AT).toInstant(),
                MongoOutboxRelay.attempts(event), event.getString(OutboxFields.LAST_ERROR),
                lastAttempt == null ? null : lastAttempt.toInstant(), event.getDate(PARKED_AT).toInstant());
    }
}
