package io.careline.notification.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxSummaryRepository implements ReactivePanacheMongoRepositoryBase<InboxSummary, String> {

    /**
     * How many change markers a summary keeps. A change is re-applied only while its message still says it is pending,
     * which lasts from one write to the next (or until the sweep, after a crash): far fewer changes than this happen to
     * one customer in that time.
     */
    static final int APPLIED_KEPT = 256;

    /**
     * Applies one change to the customer's counts unless its marker is there already: one atomic update, so two
     * replicas or a retry after a crash count it once. True if applied now, false if it had been before.
     */
    public Uni<Boolean> apply(String customerId, String marker, int total, int unread) {
        return mongoCollection().updateOne(and(eq("_id", customerId), ne("applied", marker)),
                        Updates.combine(Updates.inc("total", total), Updates.inc("unread", unread),
                                Updates.pushEach("applied", List.of(marker), new PushOptions().slice(-APPLIED_KEPT))),
                        new UpdateOptions().upsert(true))
                .map(result -> result.getModifiedCount() > 0 || result.getUpsertedId() != null)
                // the summary exists and holds the marker: the upsert's insert collided with it on _id
                .onFailure(DuplicateKeys::onId).recoverWithItem(Boolean.FALSE);
    }

    /** The customer's counts; zero for a customer who never had a message. */
    public Uni<InboxSummary> of(String customerId) {
        return findById(customerId).map(found -> {
            if (found != null) {
                return found;
            }
            InboxSummary empty = new InboxSummary();
            empty.customerId = customerId;
            empty.applied = List.of();
            return empty;
        });
    }
}
