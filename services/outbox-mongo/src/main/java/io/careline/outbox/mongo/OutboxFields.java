package io.careline.outbox.mongo;

/**
 * The fields the outbox owns, on a document of a collection that carries one, and on each event in it. A service never
 * writes them except through {@link MongoOutbox}; a whole-document replace of such a document would drop them.
 */
final class OutboxFields {

    /** The events not yet published, in the order they were written (parked ones stay, flagged). */
    static final String OUTBOX = "outbox";
    /** When the relay next has something to do with this document; absent when nothing (empty, or all parked). */
    static final String DUE_AT = "outboxDueAt";
    /** Incremented by every write to the outbox: the relay writes back only what it read (optimistic concurrency). */
    static final String REV = "outboxRev";

    // an event in the outbox array
    static final String ID = "id";
    static final String POSITION = "position";
    static final String TOPIC = "topic";
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String PAYLOAD = "payload";
    static final String OCCURRED_AT = "occurredAt";
    static final String TRACEPARENT = "traceparent";
    /** Failed attempts; absent until the first failure, so that the sparse index holds only failed events. */
    static final String ATTEMPTS = "attempts";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LAST_ATTEMPT_AT = "lastAttemptAt";
    static final String LAST_ERROR = "lastError";
    static final String PARKED_AT = "parkedAt";

    static String inOutbox(String field) {
        return OUTBOX + "." + field;
    }

    private OutboxFields() {
    }
}
