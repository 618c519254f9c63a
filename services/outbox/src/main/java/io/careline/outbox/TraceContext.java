package io.careline.outbox;

import java.util.Optional;

/**
 * The W3C {@code traceparent} of the work that writes an event, if it is traced. {@link EventOutbox} stores it with
 * the event and the relay sends it as a Kafka header, so the consumer can continue the trace. Without
 * OpenTelemetry the default bean answers empty; a service that traces provides its own bean.
 */
public interface TraceContext {

    Optional<String> traceparent();
}
