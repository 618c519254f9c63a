package io.careline.outbox.ops;

import java.time.Instant;
import java.util.UUID;

/** A parked event as an operator sees it (without its payload, which holds personal data). */
public record ParkedEvent(UUID id, long position, String topic, String messageKey, String eventType, Instant occurredAt,
        int attempts, String lastError, Instant lastAttemptAt, Instant parkedAt) {
}
