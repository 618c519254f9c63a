package io.careline.notification.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.careline.notification.repository.Delivery.Status;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Delivery records. The id is the de-duplication key; every change of state is one conditional single-document
 * update, so two senders (a redelivery, a second replica, the release) cannot both move a delivery on.
 */
@ApplicationScoped
public class DeliveryRepository implements ReactivePanacheMongoRepositoryBase<Delivery, String> {

    private volatile boolean indexed;

    /** The release's query and the staff queries; the stand-in ignores non-unique indexes, a replica set uses them. */
    Uni<Void> ensureIndexes() {
        if (indexed) {
            return Uni.createFrom().voidItem();
        }
        return mongoCollection().createIndex(Indexes.ascending("status", "notBefore"), new IndexOptions().name("due"))
                .chain(() -> mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"),
                        Indexes.descending("createdAt")), new IndexOptions().name("customer_newest")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("sourceEventId"),
                        new IndexOptions().name("source_event")))
                .invoke(() -> indexed = true).replaceWithVoid();
    }

    /** True if recorded now; false if a delivery of this event on this channel exists already. */
    public Uni<Boolean> insertOnce(Delivery delivery) {
        return ensureIndexes().chain(() -> persist(delivery).replaceWith(Boolean.TRUE)
                .onFailure(DuplicateKeys::onId).recoverWithItem(Boolean.FALSE));
    }

    /** Takes a queued delivery that is due and that no one holds, until {@code until}; empty if it is not to be had. */
    public Uni<Optional<Delivery>> claim(String id, Instant now, Instant until) {
        return mongoCollection().findOneAndUpdate(
                        and(eq("_id", id), eq("status", Status.QUEUED.name()), lte("notBefore", now), lte("claimedUntil", now)),
                        Updates.combine(Updates.set("claimedUntil", until), Updates.set("updatedAt", now)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(Optional::ofNullable);
    }

    /**
     * Moves a queued delivery to its outcome with the status event in its outbox, in one write; false if it had
     * moved already (the status event is then not written twice).
     */
    public Uni<Boolean> settle(String id, Status outcome, int attempts, String reason, Instant at, Bson outboxPush) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", outcome.name()), Updates.set("attempts", attempts),
                Updates.set("updatedAt", at), Updates.set("claimedUntil", Date.from(Instant.EPOCH)), outboxPush));
        if (outcome == Status.SENT) {
            changes.add(Updates.set("sentAt", at));
        }
        if (reason != null) {
            changes.add(Updates.set("reason", reason));
        }
        return mongoCollection().updateOne(and(eq("_id", id), eq("status", Status.QUEUED.name())), Updates.combine(changes))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** Queued deliveries that are due and held by no one: quiet hours over, or their sender gone. */
    public Uni<List<Delivery>> due(Instant now, int limit) {
        return mongoCollection().find(and(eq("status", Status.QUEUED.name()), lte("notBefore", now), lte("claimedUntil", now)),
                new FindOptions().limit(limit)).collect().asList();
    }

    /** Newest first; by customer, by source event, or both. */
    public Uni<List<Delivery>> search(String customerId, String sourceEventId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (customerId != null) {
            filters.add(eq("customerId", customerId));
        }
        if (sourceEventId != null) {
            filters.add(eq("sourceEventId", sourceEventId));
        }
        return mongoCollection().find(and(filters), new FindOptions()
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id"))).limit(limit)).collect().asList();
    }

    /** Erasure: the addresses and the texts go, the facts (what, when, which channel, outcome) stay. */
    public Uni<Void> eraseAddresses(String customerId) {
        return mongoCollection().updateMany(eq("customerId", customerId), Updates.combine(Updates.set("address", null),
                        Updates.set("title", Recipient.ERASED), Updates.set("body", Recipient.ERASED)))
                .replaceWithVoid();
    }
}
