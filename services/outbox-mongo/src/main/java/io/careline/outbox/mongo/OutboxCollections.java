package io.careline.outbox.mongo;

import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** The service's database and the collections that carry an outbox ({@code careline.outbox.collections}). */
public final class OutboxCollections {

    private final MongoDatabase database;
    private final List<String> names;

    public OutboxCollections(MongoDatabase database, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalStateException("careline.outbox.collections names no collection: the relay would read nothing");
        }
        this.database = database;
        this.names = List.copyOf(names);
    }

    List<MongoCollection<Document>> all() {
        return names.stream().map(database::getCollection).toList();
    }

    MongoCollection<Document> leases() {
        return database.getCollection(RelayLease.COLLECTION);
    }

    MongoCollection<Document> discarded() {
        return database.getCollection(MongoParkedEvents.DISCARDED);
    }

    /**
     * Sparse indexes hold only documents with an outbox: the relay's "what is due" ({@code outboxDueAt}), the few
     * events that failed ({@code outbox.attempts}, absent until a first failure) and the keys (to wake the documents
     * a parked event held back, and for the gauges). Creating an existing index is a no-op.
     */
    void ensureIndexes() {
        IndexOptions sparse = new IndexOptions().sparse(true);
        for (MongoCollection<Document> collection : all()) {
            collection.createIndex(Indexes.ascending(OutboxFields.DUE_AT), sparse);
            collection.createIndex(Indexes.ascending(OutboxFields.inOutbox(OutboxFields.ATTEMPTS)), sparse);
            collection.createIndex(Indexes.ascending(OutboxFields.inOutbox(OutboxFields.KEY)), sparse);
        }
    }
}
