package io.careline.notification.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxMessageRepository implements ReactivePanacheMongoRepositoryBase<InboxMessage, ObjectId> {

    private static final Logger LOG = Logger.getLogger(InboxMessageRepository.class);

    /** The de-duplication index: one message per source event. */
    public static final String SOURCE_EVENT_INDEX = "source_event_unique";

    private volatile boolean indexed;

    /**
     * Started at startup without blocking it: the service comes up (and reports not ready) while MongoDB is down,
     * and every insert waits for the indexes anyway, so no message is ever written before the unique index exists.
     */
    void createIndexesAtStartup(@Observes StartupEvent event) {
        ensureIndexes().subscribe().with(
                done -> LOG.debug("inbox indexes in place"),
                failure -> LOG.warnf("inbox indexes not created yet (%s); the first insert tries again", failure.toString()));
    }

    /**
     * Idempotent; once it has succeeded it costs nothing. A failure (e.g. the unique index cannot be built because
     * the collection holds duplicates, or an index of that name exists with other options) fails every insert, which
     * the consumer retries: no message is ever written without the unique index.
     */
    public Uni<Void> ensureIndexes() {
        if (indexed) {
            return Uni.createFrom().voidItem();
        }
        return mongoCollection()
                .createIndex(Indexes.ascending("sourceEventId"), new IndexOptions().name(SOURCE_EVENT_INDEX).unique(true))
                // the inbox query; the local stand-in (mongo-java-server) accepts compound indexes but ignores them
                .chain(() -> mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt")),
                        new IndexOptions().name("customer_newest_first")))
                .invoke(() -> indexed = true)
                .replaceWithVoid();
    }

    /**
     * Inserts the message unless one from the same source event exists: true if inserted, false if it was already
     * there. A single-document insert against a unique index is atomic without a transaction, also across replicas.
     * Only the insert is recovered, and only from a duplicate on the de-duplication index.
     */
    public Uni<Boolean> insertOnce(InboxMessage message) {
        return ensureIndexes()
                .chain(() -> persist(message)
                        .replaceWith(Boolean.TRUE)
                        .onFailure(DuplicateSourceEvent::matches).recoverWithItem(Boolean.FALSE));
    }

    public Uni<List<InboxMessage>> pageOwned(String customerId, int skip, int limit) {
        return mongoCollection().find(eq("customerId", customerId), new FindOptions()
                        .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                        .skip(skip)
                        .limit(limit))
                .collect().asList();
    }

    public Uni<Long> countOwned(String customerId) {
        return mongoCollection().countDocuments(eq("customerId", customerId));
    }

    public Uni<Long> countUnread(String customerId) {
        return mongoCollection().countDocuments(and(eq("customerId", customerId), eq("readAt", null)));
    }

    /**
     * Marks the message read if it is this customer's; true if it is theirs (read now or before), false if there is
     * no such message for them. A message read earlier keeps its first readAt.
     */
    public Uni<Boolean> markReadOwned(String customerId, ObjectId id, Instant readAt) {
        Bson owned = and(eq("_id", id), eq("customerId", customerId));
        return mongoCollection().updateOne(and(owned, eq("readAt", null)), Updates.set("readAt", readAt))
                .chain(updated -> updated.getMatchedCount() > 0
                        ? Uni.createFrom().item(Boolean.TRUE)
                        : mongoCollection().countDocuments(owned).map(found -> found > 0));
    }
}
