package io.careline.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every event on every topic travels in this envelope; the Kafka key is {@link #customerId()},
 * so one customer's events stay in order. Consumers remember {@link #id()} to apply each event once.
 */
public record EventEnvelope<T>(UUID id, String type, int version, Instant occurredAt, String customerId, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(data, "data");
    }

    public static <T> EventEnvelope<T> of(EventType eventType, String customerId, Instant occurredAt, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), eventType.name(), eventType.version(), occurredAt, customerId, data);
    }

    public boolean is(EventType eventType) {
        return eventType.name().equals(type) && eventType.version() == version;
    }
}
