package io.careline.outbox.core;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a relay read from its store, to be published: {@code topic} without the namespace prefix, {@code key} the
 * customer id, {@code payload} the envelope's JSON as stored, {@code attempts} the failed attempts so far.
 */
public record PendingEvent(UUID id, String topic, String key, String type, String payload, Instant occurredAt,
        int attempts, String traceparent) {
}
