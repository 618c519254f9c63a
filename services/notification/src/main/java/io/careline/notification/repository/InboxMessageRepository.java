package io.careline.notification.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.careline.notification.repository.InboxMessage.Counted;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxMessageRepository implements ReactivePanacheMongoRepositoryBase<InboxMessage, ObjectId> {

    private static final Logger LOG = Logger.getLogger(InboxMessageRepository.class);

    /** The de-duplication index: one message per source event. */
    public static final String SOURCE_EVENT_INDEX = "source_event_unique";
    /** The inbox query's index: one customer's messages in keyset order. */
    public static final String KEYSET_INDEX = "customer_created_id";
    /** The index before keyset paging ({customerId, createdAt}): dropped, the keyset index covers it. */
    static final String OLD_INBOX_INDEX = "customer_newest_first";

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
                // the inbox query (equality on customerId, then the keyset's sort); the local stand-in
                // (mongo-java-server) accepts compound indexes but ignores them, a replica set uses it
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"),
                        Indexes.descending("createdAt"), Indexes.descending("_id")), new IndexOptions().name(KEYSET_INDEX)))
                // what the summary sweep looks for: sparse, so settled messages (almost all) are not in it
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("summaryPendingSince"),
                        new IndexOptions().name("summary_pending").sparse(true)))
                .chain(() -> mongoCollection().dropIndex(OLD_INBOX_INDEX)
                        .onFailure(MongoCommandException.class).recoverWithNull()) // not there: nothing to drop
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

    public Uni<InboxMessage> bySourceEvent(String sourceEventId) {
        return find("sourceEventId", sourceEventId).firstResult();
    }

    /**
     * The customer's messages older than the cursor (all when it is null), newest first, ordered by
     * ({@code createdAt}, {@code _id}) so equal times keep a stable order; no skip, no count.
     */
    public Uni<List<InboxMessage>> pageOwned(String customerId, Instant beforeCreatedAt, ObjectId beforeId, int limit) {
        Bson owned = eq("customerId", customerId);
        Bson filter = beforeCreatedAt == null ? owned : and(owned, or(lt("createdAt", beforeCreatedAt),
                and(eq("createdAt", beforeCreatedAt), lt("_id", beforeId))));
        return mongoCollection().find(filter, new FindOptions()
                        .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                        .limit(limit))
                .collect().asList();
    }

    /**
     * Marks the message read if it is this customer's and unread, flagging the change for the summary in the same
     * write; the message as it is now, or empty if it was read before or is not theirs.
     */
    public Uni<Optional<InboxMessage>> markUnreadRead(String customerId, ObjectId id, Instant readAt) {
        return mongoCollection().findOneAndUpdate(and(eq("_id", id), eq("customerId", customerId), eq("readAt", null)),
                        Updates.combine(Updates.set("readAt", readAt), Updates.set("summaryPendingSince", readAt)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(Optional::ofNullable);
    }

    public Uni<InboxMessage> owned(String customerId, ObjectId id) {
        return find("_id = ?1 and customerId = ?2", id, customerId).firstResult();
    }

    /**
     * Records, in one write, that the summary counts the message as {@code counted} and that nothing is pending, if
     * the message is still in that state: a read that arrived since (readAt set, not yet counted) keeps it pending for
     * its own settling.
     */
    public Uni<Void> settled(ObjectId id, Counted counted) {
        Bson readState = counted == Counted.UNREAD ? eq("readAt", null) : ne("readAt", null);
        return mongoCollection().updateOne(and(eq("_id", id), readState),
                        Updates.combine(Updates.set("counted", counted.name()), Updates.unset("summaryPendingSince")))
                .replaceWithVoid();
    }

    /** Messages whose last change has waited for the summary since before {@code olderThan}: a crash between writes. */
    public Uni<List<InboxMessage>> pendingSince(Instant olderThan, int limit) {
        return mongoCollection().find(lt("summaryPendingSince", olderThan), new FindOptions().limit(limit))
                .collect().asList();
    }

    /** Erasure: the texts may quote what the customer wrote (a complaint's subject); the facts and counts stay. */
    public Uni<Void> eraseTexts(String customerId) {
        return mongoCollection().updateMany(eq("customerId", customerId),
                        Updates.combine(Updates.set("title", Recipient.ERASED), Updates.set("body", Recipient.ERASED)))
                .replaceWithVoid();
    }
}
