package io.careline.claimcare.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.claimcare.service.ErasureService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies erasure requests from the customer service (careline.customer.v1, under the topic prefix). One record at a
 * time, in order per partition; the offset is committed once the record is handled.
 * <ul>
 * <li>{@code CustomerErased} v1: the customer is pseudonymised here, once per event id;</li>
 * <li>any other type or version: skipped (the topic carries the customer service's other events);</li>
 * <li>a record that cannot be read, and only that: to the dead-letter topic (careline.care.dlq);</li>
 * <li>any other failure (the store is down, a bug): retried with back-off until it succeeds, never skipped, because
 * an erasure is owed.</li>
 * </ul>
 * The event's contract belongs to the customer service; until it publishes one this reads the envelope's
 * {@code id}, {@code type}, {@code version} and {@code customerId}, which every Careline event has.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String ERASED_TYPE = "CustomerErased";
    static final int ERASED_VERSION = 1;
    static final String ERASED_CLOUD_EVENT_TYPE = "io.careline." + ERASED_TYPE + ".v" + ERASED_VERSION;
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
            request = read(header(record, "ce_type"), record.value());
        } catch (UnreadableEventException unreadable) {
            LOG.warnf("unreadable record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            return Uni.createFrom().failure(unreadable);
        }
        if (request == null) {
            return Uni.createFrom().voidItem();
        }
        // deferred, so each retry runs the whole transaction again, and back on this Vert.x context, where Hibernate
        // Reactive must run (a back-off resumes on another thread)
        Context context = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> erasure.erase(request.eventId(), ERASED_CLOUD_EVENT_TYPE, request.customerId()))
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()))
                .onFailure().invoke(failure -> LOG.warnf("erasure %s not applied yet (%s); retrying", request.eventId(),
                        failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).indefinitely()
                .invoke(applied -> LOG.infof(applied ? "erasure %s applied" : "erasure %s was applied before", request.eventId()))
                .replaceWithVoid();
    }

    record Erasure(UUID eventId, String customerId) {
    }

    /** The erasure this record asks for; null when it is another event; unreadable when it is not an envelope. */
    Erasure read(String cloudEventType, String value) {
        if (cloudEventType != null && !ERASED_CLOUD_EVENT_TYPE.equals(cloudEventType)) {
            return null;
        }
        JsonNode tree;
        try {
            tree = value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !tree.path("version").isInt()) {
            throw new UnreadableEventException("the value is not an event envelope: it needs a string type and an integer version");
        }
        if (!ERASED_TYPE.equals(tree.get("type").asText()) || tree.get("version").asInt() != ERASED_VERSION) {
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
