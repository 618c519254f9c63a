package io.careline.complaint.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.service.ErasureService;
import io.careline.contracts.EventType;
import io.careline.contracts.customer.CustomerErased;
import io.careline.service.messaging.EventRecords;
import io.careline.service.messaging.UnreadableEventException;
import io.careline.service.messaging.UntilApplied;
import io.smallrye.mutiny.Uni;

/**
 * Applies erasure requests from the customer service (careline.customer.v1, under the topic prefix; group
 * {@code complaint}). One record at a time, in order per partition; the offset is committed once the record is handled.
 * <ul>
 * <li>{@code CustomerErased} v1: the customer is pseudonymised here, once per event id;</li>
 * <li>any other type or version: skipped (the topic carries the customer service's other events);</li>
 * <li>a record that cannot be read, and only that: to the dead-letter topic (careline.complaint.dlq);</li>
 * <li>any other failure (the store is down, a bug): retried with back-off until it succeeds, never skipped, because
 * an erasure is owed.</li>
 * </ul>
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final EventType ERASED = CustomerErased.EVENT;
    private static final Duration RETRY_FIRST = Duration.ofMillis(200);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);

    private final ErasureService erasure;
    private final ObjectMapper json;

    public CustomerEventsConsumer(ErasureService erasure, ObjectMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    @Incoming("customer-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Erasure request;
        try {
            request = read(EventRecords.header(record, "ce_type"), record.value());
        } catch (UnreadableEventException unreadable) {
            LOG.warnf("unreadable record %s goes to the dead-letter topic: %s", EventRecords.coordinates(record),
                    unreadable.getMessage());
            return Uni.createFrom().failure(unreadable);
        }
        if (request == null) {
            return Uni.createFrom().voidItem();
        }
        return UntilApplied.retried(() -> erasure.erase(request.eventId(), ERASED.cloudEventType(), request.customerId()),
                        RETRY_FIRST, RETRY_MAX,
                        failure -> LOG.warnf("erasure %s not applied yet (%s); retrying", request.eventId(), failure.toString()))
                .invoke(applied -> LOG.infof(applied ? "erasure %s applied" : "erasure %s was applied before", request.eventId()))
                .replaceWithVoid();
    }

    record Erasure(UUID eventId, String customerId) {
    }

    /** The erasure this record asks for; null when it is another event; unreadable when it is not an envelope. */
    Erasure read(String cloudEventType, String value) {
        if (cloudEventType != null && !ERASED.cloudEventType().equals(cloudEventType)) {
            return null;
        }
        JsonNode tree = EventRecords.envelope(json, value);
        if (!ERASED.name().equals(tree.get("type").asText()) || tree.get("version").asInt() != ERASED.version()) {
            return null;
        }
        String customerId = tree.path("customerId").asText("");
        if (customerId.isBlank()) {
            throw new UnreadableEventException("CustomerErased v1 lacks customerId");
        }
        try {
            return new Erasure(UUID.fromString(tree.path("id").asText()), customerId);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("CustomerErased v1 has no event id (a UUID)");
        }
    }
}
