package io.careline.outbox.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The one relay across replicas, without advisory locks: a lease document ({@code outbox_lease}, id {@code relay})
 * that names its holder until it expires. The holder renews it; another replica takes it once it has expired. Each
 * taking increments a fencing token, and renewing checks it, so a holder that was paused past its lease learns that
 * it lost it. The holder stops sending a quarter of the lease before it would expire (by its own monotonic clock),
 * so that two relays never send at once while the replicas' clocks agree within that margin; and the relay writes
 * back to a document only what it read ({@code outboxRev}), so a late write of a former holder changes nothing.
 */
final class RelayLease {

    static final String COLLECTION = "outbox_lease";
    private static final String ID = "relay";

    private final MongoCollection<Document> leases;
    private final String owner;
    private final Duration ttl;

    private volatile long token;
    // System.nanoTime until which this holder may send; 0 while it holds nothing
    private volatile long validUntil;

    RelayLease(MongoCollection<Document> leases, String owner, Duration ttl) {
        this.leases = leases;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Takes the lease if it is free, expired or already ours. */
    boolean acquire() {
        long asked = System.nanoTime();
        Instant now = Instant.now();
        Document taken = leases.findOneAndUpdate(
                Filters.and(Filters.eq("_id", ID), Filters.or(Filters.lt("expiresAt", Date.from(now)), Filters.eq("owner", owner))),
                Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", Date.from(now.plus(ttl))),
                        Updates.inc("token", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken == null) {
            try {
                leases.insertOne(new Document("_id", ID).append("owner", owner).append("token", 1L)
                        .append("expiresAt", Date.from(now.plus(ttl))));
                taken = new Document("token", 1L);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false; // another replica holds it
                }
                throw e;
            }
        }
        token = taken.getLong("token");
        validUntil = asked + safe();
        return true;
    }

    /** Extends the lease; false when it was lost (taken by another replica after it expired). */
    boolean renew() {
        long asked = System.nanoTime();
        Document renewed = leases.findOneAndUpdate(
                Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner), Filters.eq("token", token)),
                Updates.set("expiresAt", Date.from(Instant.now().plus(ttl))));
        if (renewed == null) {
            validUntil = 0;
            return false;
        }
        validUntil = asked + safe();
        return true;
    }

    /** Whether this holder may still send: its lease has not come near its end. */
    boolean valid() {
        long until = validUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /** Gives the lease up at once, so that another replica need not wait for it to expire. */
    void release() {
        validUntil = 0;
        leases.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner), Filters.eq("token", token)),
                Updates.set("expiresAt", new Date(0)));
    }

    private long safe() {
        return ttl.minus(ttl.dividedBy(4)).toNanos();
    }
}
