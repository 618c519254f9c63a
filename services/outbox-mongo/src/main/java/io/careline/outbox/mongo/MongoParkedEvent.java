package io.careline.outbox.mongo;

import java.time.Instant;

/**
 * A parked event as an operator sees it (without its payload, which holds personal data), and where it waits: the
 * document of the collection whose outbox holds it.
 */
public record MongoParkedEvent(String id, long position, String collection, String documentId, String topic,
        String messageKey, String eventType, Instant occurredAt, int attempts, String lastError, Instant lastAttemptAt,
        Instant parkedAt) {
}
