package io.careline.outbox;

import io.careline.outbox.core.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.smallrye.mutiny.Uni;

/**
 * Records an event for publication. Call it inside the transaction that makes the change the event
 * announces: both commit, or neither does. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class EventOutbox {

    private final ObjectMapper json;
    private final TraceContext trace;

    public EventOutbox(ObjectMapper json, TraceContext trace) {
        this.json = json;
        this.trace = trace;
    }

    public <T> Uni<EventEnvelope<T>> add(EventType type, EventEnvelope<T> envelope) {
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.id();
        event.topic = type.topic();
        event.messageKey = envelope.customerId();
        event.eventType = type.cloudEventType();
        event.occurredAt = envelope.occurredAt();
        event.traceparent = trace.traceparent().orElse(null);
        try {
            event.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event " + type.name() + " is not serializable", e));
        }
        return event.persist().replaceWith(envelope);
    }
}
