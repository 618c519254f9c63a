package io.careline.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Used until a service provides a {@link TraceContext} backed by OpenTelemetry. */
@DefaultBean
@ApplicationScoped
public class NoTraceContext implements TraceContext {

    @Override
    public Optional<String> traceparent() {
        return Optional.empty();
    }
}
