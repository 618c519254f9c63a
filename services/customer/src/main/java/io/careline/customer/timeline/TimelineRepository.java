package io.careline.customer.timeline;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.careline.customer.repository.DuplicateKey;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements ReactivePanacheMongoRepositoryBase<TimelineEntry, String> {

    private static final Logger LOG = Logger.getLogger(TimelineRepository.class);

    /** Where a page ends: the last entry's time and id (entries sort newest first, by time then id). */
    public record Position(Instant at, String id) {
    }

    void createIndexAtStartup(@Observes StartupEvent event) {
        // one customer's entries newest first: the keyset pages' range (a real MongoDB uses it; the stand-in scans)
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("at"),
                Indexes.descending("_id")), new IndexOptions().name("customer_at"))
                .subscribe().with(done -> { }, failure -> LOG.warnf("timeline index not created (%s)", failure.toString()));
    }

    /** Adds the entry unless it is there already (its id is the event's); true if added now. */
    public Uni<Boolean> addOnce(TimelineEntry entry) {
        return mongoCollection().insertOne(entry).replaceWith(Boolean.TRUE)
                .onFailure(failure -> DuplicateKey.of(failure).filter(DuplicateKey::onId).isPresent())
                .recoverWithItem(Boolean.FALSE);
    }

    /** Removes the data of the customer's entries, keeping what happened when. */
    public Uni<Long> erase(String customerId) {
        return mongoCollection().updateMany(eq("customerId", customerId),
                Updates.combine(Updates.unset("data"), Updates.set("erased", true)))
                .map(result -> result.getModifiedCount());
    }

    /** Up to {@code limit} of the customer's entries older than {@code after} (null: the newest), newest first. */
    public Uni<List<TimelineEntry>> page(String customerId, Position after, int limit) {
        Bson filter = eq("customerId", customerId);
        if (after != null) {
            Date at = Date.from(after.at());
            filter = and(filter, or(lt("at", at), and(eq("at", at), lt("_id", after.id()))));
        }
        return mongoCollection().find(filter, new FindOptions().sort(Sorts.descending("at", "_id")).limit(limit))
                .collect().asList();
    }
}
