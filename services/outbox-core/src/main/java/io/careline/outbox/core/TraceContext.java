package io.careline.outbox.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C {@code traceparent} of the work that writes an event. {@link EventOutbox} stores it with the event and the
 * relay sends it as a Kafka header, so the consumer continues the trace of the request that caused the event, however
 * long the event waited in the outbox.
 */
@ApplicationScoped
public class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    /** Empty when the work is not traced. */
    public Optional<String> traceparent() {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(current, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }
}
