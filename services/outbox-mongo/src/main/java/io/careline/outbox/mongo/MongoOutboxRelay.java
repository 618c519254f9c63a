package io.careline.outbox.mongo;

import static io.careline.outbox.mongo.OutboxFields.ATTEMPTS;
import static io.careline.outbox.mongo.OutboxFields.DUE_AT;
import static io.careline.outbox.mongo.OutboxFields.ID;
import static io.careline.outbox.mongo.OutboxFields.KEY;
import static io.careline.outbox.mongo.OutboxFields.LAST_ATTEMPT_AT;
import static io.careline.outbox.mongo.OutboxFields.LAST_ERROR;
import static io.careline.outbox.mongo.OutboxFields.NEXT_ATTEMPT_AT;
import static io.careline.outbox.mongo.OutboxFields.OUTBOX;
import static io.careline.outbox.mongo.OutboxFields.PARKED_AT;
import static io.careline.outbox.mongo.OutboxFields.POSITION;
import static io.careline.outbox.mongo.OutboxFields.REV;
import static io.careline.outbox.mongo.OutboxFields.inOutbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import io.careline.outbox.core.BatchPublisher;
import io.careline.outbox.core.OutboxMetrics;
import io.careline.outbox.core.PendingEvent;
import io.careline.outbox.core.RelayWorker;

/**
 * Publishes the events kept in the outboxes of the registered collections' documents, in order per key (the customer
 * id), at least once.
 *
 * <p>One relay works at a time across replicas: the holder of {@link RelayLease}. A pass reads the documents that are
 * due ({@code outboxDueAt}), takes their eligible events oldest first (by position), hands them to
 * {@link BatchPublisher}, then writes each document back once: the published events pulled, the failed ones with
 * their attempts, back-off or parking, and the document's next due time. That write is conditional on
 * {@code outboxRev}: when the service wrote to the document meanwhile, the relay reads it again and applies the same
 * outcome to what it now holds. An event is held back while an earlier event of its key (in any document) is parked
 * or backing off; its document is then due when that one is.
 */
public final class MongoOutboxRelay extends RelayWorker {

    private static final Logger LOG = Logger.getLogger(MongoOutboxRelay.class);
    private static final int WRITE_BACK_TRIES = 5;

    private final OutboxCollections collections;
    private final BatchPublisher publisher;
    private final OutboxMetrics metrics;
    private final RelayLease lease;
    private final Duration renewEvery;

    // the relay thread's own
    private ScheduledExecutorService renewer;
    private boolean indexed;

    public MongoOutboxRelay(String name, OutboxCollections collections, BatchPublisher publisher, MongoOutboxConfig config,
            OutboxMetrics metrics) {
        super(name, config);
        this.collections = collections;
        this.publisher = publisher;
        this.metrics = metrics;
        this.lease = new RelayLease(collections.leases(), name + "-" + UUID.randomUUID(), config.leaseTtl());
        this.renewEvery = config.leaseTtl().dividedBy(3);
    }

    @Override
    protected boolean mayGoOn() {
        return super.mayGoOn() && lease.valid();
    }

    @Override
    protected void acquire() {
        if (!indexed) {
            collections.ensureIndexes();
            indexed = true;
        }
        if (lease.acquire()) {
            if (renewer == null) {
                renewer = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, name + "-lease");
                    thread.setDaemon(true);
                    return thread;
                });
                renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
            active(true);
            LOG.infof("%s holds the outbox relay lease and publishes", name);
        }
    }

    private void renew() {
        if (!isActive()) {
            return;
        }
        try {
            if (!lease.renew()) {
                active(false);
                LOG.warnf("%s lost the outbox relay lease; it publishes nothing until it holds it again", name);
            }
        } catch (RuntimeException e) {
            if (!lease.valid()) {
                active(false);
                LOG.warnf("%s could not renew the outbox relay lease before its end (%s); it stops publishing", name, e.toString());
            }
        }
    }

    @Override
    protected void release() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.debugf("outbox relay lease not released, it will expire: %s", e.toString());
        }
        publisher.close(Duration.ofSeconds(5));
    }

    @Override
    protected Long nextRetryMillis() {
        Instant now = Instant.now();
        Date next = null;
        for (MongoCollection<Document> collection : collections.all()) {
            Document first = collection.find(Filters.gt(DUE_AT, Date.from(now))).sort(Sorts.ascending(DUE_AT))
                    .projection(Projections.include(DUE_AT)).limit(1).first();
            if (first != null && (next == null || first.getDate(DUE_AT).before(next))) {
                next = first.getDate(DUE_AT);
            }
        }
        return next == null ? null : Math.max(0, next.getTime() - now.toEpochMilli());
    }

    /** A document read in a pass. */
    private record Loaded(MongoCollection<Document> collection, Object id, Object rev, Date dueAt, List<Document> outbox) {
    }

    @Override
    protected int pass() {
        if (!lease.valid()) {
            // not renewed in time (the store was slow or away): it may be another replica's by now, so this relay sends
            // nothing until it has taken the lease again
            active(false);
            LOG.infof("%s: its lease ran out before a renewal; it publishes again once it holds the lease", name);
            return 0;
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        // The documents read are those due by now, but each is read as it is when reached, so it may hold events
        // written after now, while an earlier event of the same key, in a document written after now, is not read.
        // Events are positioned before their write, so taking only those positioned by now keeps each key in order.
        long horizon = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        Blockers blockers = blockers(now);
        List<Loaded> documents = new ArrayList<>();
        boolean full = false;
        for (MongoCollection<Document> collection : collections.all()) {
            int read = 0;
            for (Document document : collection.find(Filters.lte(DUE_AT, Date.from(now))).sort(Sorts.ascending(DUE_AT))
                    .projection(Projections.include(OUTBOX, REV, DUE_AT)).limit(config.batchSize())) {
                documents.add(loaded(collection, document));
                read++;
            }
            full |= read == config.batchSize();
        }
        if (documents.isEmpty()) {
            return 0;
        }
        List<PendingEvent> eligible = new ArrayList<>();
        Map<UUID, Long> positions = new HashMap<>(); // PendingEvent carries none
        for (Loaded document : documents) {
            for (Document event : document.outbox()) {
                if (event.get(PARKED_AT) == null && !after(event.getDate(NEXT_ATTEMPT_AT), now) && position(event) <= horizon
                        && blockers.heldUntil(event.getString(KEY), position(event)) == null) {
                    PendingEvent pending = pending(event);
                    positions.put(pending.id(), position(event));
                    eligible.add(pending);
                }
            }
        }
        eligible.sort(Comparator.comparingLong(event -> positions.get(event.id())));
        List<PendingEvent> batch = eligible.size() > config.batchSize() ? eligible.subList(0, config.batchSize()) : eligible;

        BatchPublisher.Outcome outcome = batch.isEmpty()
                ? new BatchPublisher.Outcome(List.of(), List.of(), 0)
                : publisher.publish(batch, started, this::mayGoOn);
        if (outcome.outage()) {
            pause(outcome.pauseMillis());
            return batch.size();
        }
        Set<String> published = new HashSet<>();
        outcome.published().forEach(event -> published.add(event.id().toString()));
        Map<String, BatchPublisher.Failure> failed = new HashMap<>();
        for (BatchPublisher.Failure failure : outcome.failures()) {
            failed.put(failure.event().id().toString(), failure);
            blockers.add(failure.event().key(), positions.get(failure.event().id()),
                    failure.park() ? null : now.plusMillis(failure.delayMillis()));
        }
        writeBack(documents, new Result(published, failed, blockers, now));
        metrics.published(published.size());
        return full ? config.batchSize() : batch.size();
    }

    private static PendingEvent pending(Document event) {
        UUID id = UUID.fromString(event.getString(ID));
        return new PendingEvent(id, event.getString(OutboxFields.TOPIC), event.getString(KEY),
                event.getString(OutboxFields.TYPE), event.getString(OutboxFields.PAYLOAD),
                event.getDate(OutboxFields.OCCURRED_AT).toInstant(), attempts(event), event.getString(OutboxFields.TRACEPARENT));
    }

    /** What a pass did, to be written into the documents it read. */
    private record Result(Set<String> published, Map<String, BatchPublisher.Failure> failed, Blockers blockers, Instant now) {
    }

    /**
     * Writes the pass's outcome into the documents, each once, in one bulk write per collection, each write conditional
     * on the document's outbox being as it was read. The documents that changed meanwhile (a service wrote an event)
     * are read again and the same outcome is applied to what they now hold; applying it twice gives the same document,
     * so the ones the bulk write did change are simply written again.
     */
    private void writeBack(List<Loaded> documents, Result result) {
        Map<MongoCollection<Document>, List<Loaded>> byCollection = new HashMap<>();
        documents.forEach(document -> byCollection.computeIfAbsent(document.collection(), c -> new ArrayList<>()).add(document));
        byCollection.forEach((collection, loaded) -> {
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            List<Loaded> written = new ArrayList<>();
            for (Loaded document : loaded) {
                UpdateOneModel<Document> write = plan(document, result);
                if (write != null) {
                    writes.add(write);
                    written.add(document);
                }
            }
            if (writes.isEmpty()) {
                return;
            }
            if (collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() < writes.size()) {
                written.forEach(document -> writeOne(reload(document), result));
            }
        });
    }

    private void writeOne(Loaded document, Result result) {
        Loaded current = document;
        for (int attempt = 0; attempt < WRITE_BACK_TRIES && current != null; attempt++) {
            UpdateOneModel<Document> write = plan(current, result);
            if (write == null || current.collection().updateOne(write.getFilter(), write.getUpdate()).getMatchedCount() == 1) {
                return;
            }
            current = reload(current);
        }
        if (current != null) {
            LOG.warnf("%s: document %s of %s kept changing; its published events may be sent again", name, current.id(),
                    current.collection().getNamespace().getCollectionName());
        }
    }

    /** The conditional write of the pass's outcome into this document; null when there is nothing to write. */
    private static UpdateOneModel<Document> plan(Loaded document, Result result) {
        List<Document> kept = new ArrayList<>();
        Instant due = null;
        boolean changed = false;
        for (Document event : document.outbox()) {
            String id = event.getString(ID);
            if (result.published().contains(id)) {
                changed = true;
                continue;
            }
            BatchPublisher.Failure failure = result.failed().get(id);
            if (failure != null) {
                event = failedAttempt(event, failure, result.now());
                changed = true;
            }
            kept.add(event);
            Instant eventDue = dueAt(event, result.blockers(), result.now());
            if (eventDue != null && (due == null || eventDue.isBefore(due))) {
                due = eventDue;
            }
        }
        Date dueAt = due == null ? null : Date.from(due);
        if (!changed && !kept.isEmpty() && Objects.equals(dueAt, document.dueAt())) {
            return null; // its events wait as they did
        }
        Bson update = kept.isEmpty()
                ? Updates.combine(Updates.unset(OUTBOX), Updates.unset(DUE_AT), Updates.inc(REV, 1L))
                : Updates.combine(Updates.set(OUTBOX, kept),
                        dueAt == null ? Updates.unset(DUE_AT) : Updates.set(DUE_AT, dueAt), Updates.inc(REV, 1L));
        Bson unchanged = document.rev() == null ? Filters.exists(REV, false) : Filters.eq(REV, document.rev());
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", document.id()), unchanged), update);
    }

    private static Loaded reload(Loaded document) {
        Document fresh = document.collection().find(Filters.eq("_id", document.id()))
                .projection(Projections.include(OUTBOX, REV, DUE_AT)).first();
        return fresh == null ? null : loaded(document.collection(), fresh);
    }

    private static Loaded loaded(MongoCollection<Document> collection, Document document) {
        return new Loaded(collection, document.get("_id"), document.get(REV), document.getDate(DUE_AT),
                document.getList(OUTBOX, Document.class, List.of()));
    }

    private static Document failedAttempt(Document event, BatchPublisher.Failure failure, Instant now) {
        Document updated = new Document(event);
        updated.put(ATTEMPTS, failure.event().attempts() + 1);
        updated.put(LAST_ERROR, failure.error());
        updated.put(LAST_ATTEMPT_AT, Date.from(now));
        if (failure.park()) {
            updated.remove(NEXT_ATTEMPT_AT);
            updated.put(PARKED_AT, Date.from(now));
        } else {
            updated.put(NEXT_ATTEMPT_AT, Date.from(now.plusMillis(failure.delayMillis())));
        }
        return updated;
    }

    /** When the relay next has to look at this event; null when only an operator can move it (it or its key parked). */
    private static Instant dueAt(Document event, Blockers blockers, Instant now) {
        if (event.get(PARKED_AT) != null) {
            return null;
        }
        Date next = event.getDate(NEXT_ATTEMPT_AT);
        Instant own = next != null && next.toInstant().isAfter(now) ? next.toInstant() : now;
        Instant held = blockers.heldUntil(event.getString(KEY), position(event));
        if (held == null) {
            return own;
        }
        return held == Instant.MAX ? null : (held.isAfter(own) ? held : own);
    }

    /** Events that failed, are not due yet or are parked, by key: each holds back the later events of its key. */
    private Blockers blockers(Instant now) {
        Blockers blockers = new Blockers();
        for (MongoCollection<Document> collection : collections.all()) {
            for (Document document : collection.find(Filters.gt(inOutbox(ATTEMPTS), 0)).projection(Projections.include(OUTBOX))) {
                for (Document event : document.getList(OUTBOX, Document.class, List.of())) {
                    if (attempts(event) == 0) {
                        continue;
                    }
                    if (event.get(PARKED_AT) != null) {
                        blockers.add(event.getString(KEY), position(event), null);
                    } else if (after(event.getDate(NEXT_ATTEMPT_AT), now)) {
                        blockers.add(event.getString(KEY), position(event), event.getDate(NEXT_ATTEMPT_AT).toInstant());
                    }
                }
            }
        }
        return blockers;
    }

    private static final class Blockers {

        private record Blocker(long position, Instant until) {
        }

        private final Map<String, List<Blocker>> byKey = new HashMap<>();

        /** @param until null when parked */
        void add(String key, long position, Instant until) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Blocker(position, until));
        }

        /** Until when an event of this key at this position is held back: null if it is not, Instant.MAX if parked. */
        Instant heldUntil(String key, long position) {
            Instant until = null;
            for (Blocker blocker : byKey.getOrDefault(key, List.of())) {
                if (blocker.position() < position) {
                    Instant blocked = blocker.until() == null ? Instant.MAX : blocker.until();
                    if (until == null || blocked.isAfter(until)) {
                        until = blocked;
                    }
                }
            }
            return until;
        }
    }

    static long position(Document event) {
        return ((Number) event.get(POSITION)).longValue();
    }

    static int attempts(Document event) {
        Object attempts = event.get(ATTEMPTS);
        return attempts == null ? 0 : ((Number) attempts).intValue();
    }

    private static boolean after(Date date, Instant now) {
        return date != null && date.toInstant().isAfter(now);
    }
}
