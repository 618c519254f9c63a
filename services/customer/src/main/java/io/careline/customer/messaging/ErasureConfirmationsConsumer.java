package io.careline.customer.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.contracts.Topics;
import io.careline.contracts.customer.ErasureConfirmed;
import io.careline.customer.service.ErasureService;
import io.careline.service.messaging.EventRecords;
import io.careline.service.messaging.UnreadableEventException;
import io.careline.service.messaging.UntilApplied;
import io.smallrye.mutiny.Uni;

/**
 * Records the other services' erasure confirmations ({@link ErasureConfirmed} v1, each on its publisher's own topic:
 * careline.complaint.v1, careline.care.v1, careline.notification.v1, under the topic prefix). One record at a time, in
 * order per partition; the offset is committed once the record is handled.
 * <ul>
 * <li>an ErasureConfirmed v1: recorded once per customer and service (one conditional update), so a redelivery, the
 * same event id twice or two replicas record it once;</li>
 * <li>one whose {@code service} is not the owner of the topic it came on: ignored (a service confirms only for
 * itself);</li>
 * <li>any other type or version: skipped (those topics carry their services' other events);</li>
 * <li>a record that cannot be read, and only that: to the dead-letter topic (careline.customer.dlq);</li>
 * <li>any other failure (the store is away): retried with back-off until it succeeds, never skipped.</li>
 * </ul>
 */
@ApplicationScoped
public class ErasureConfirmationsConsumer {

    private static final Duration RETRY_FIRST = Duration.ofMillis(200);

    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ErasureConfirmationsConsumer.class);
    private static final String CLOUD_EVENT_TYPE = ErasureConfirmed.CARE.cloudEventType();
    /** Who may confirm on which topic. */
    private static final Map<String, String> OWNERS = Map.of(Topics.COMPLAINT, "complaint", Topics.CARE, "claim-care",
            Topics.NOTIFICATION, "notification");

    private final ErasureService erasure;
    private final ObjectMapper json;
    private final String topicPrefix;

    public ErasureConfirmationsConsumer(ErasureService erasure, ObjectMapper json,
            @ConfigProperty(name = "careline.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.erasure = erasure;
        this.json = json;
        this.topicPrefix = topicPrefix.orElse("");
    }

    @Incoming("erasure-confirmations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Confirmation confirmation;
        try {
            confirmation = read(EventRecords.header(record, "ce_type"), record.value());
        } catch (UnreadableEventException unreadable) {
            LOG.warnf("unreadable record %s goes to the dead-letter topic: %s", EventRecords.coordinates(record),
                    unreadable.getMessage());
            return Uni.createFrom().failure(unreadable);
        }
        if (confirmation == null) {
            return Uni.createFrom().voidItem();
        }
        String owner = OWNERS.get(record.topic().substring(Math.min(topicPrefix.length(), record.topic().length())));
        if (!confirmation.service().equals(owner)) {
            LOG.warnf("erasure confirmation %s names %s but came on %s; ignored", confirmation.eventId(),
                    confirmation.service(), record.topic());
            return Uni.createFrom().voidItem();
        }
        return UntilApplied.retried(() -> erasure.recordConfirmation(confirmation.customerId(), confirmation.service(),
                confirmation.at()),
                        RETRY_FIRST, RETRY_MAX, failure -> LOG.warnf("erasure confirmation %s not recorded yet (%s); retrying",
                        confirmation.eventId(), failure.toString()))
                .invoke(recorded -> LOG.infof(recorded ? "erasure of %s confirmed by %s (%s)"
                        : "erasure of %s: confirmation by %s (%s) recorded before, or not expected", confirmation.customerId(),
                        confirmation.service(), confirmation.eventId()))
                .replaceWithVoid();
    }

    record Confirmation(UUID eventId, String customerId, String service, Instant at) {
    }

    /** The confirmation this record carries; null when it is another event; unreadable when it is not an envelope. */
    Confirmation read(String cloudEventType, String value) {
        if (cloudEventType != null && !CLOUD_EVENT_TYPE.equals(cloudEventType)) {
            return null;
        }
        JsonNode tree = EventRecords.envelope(json, value);
        if (!ErasureConfirmed.NAME.equals(tree.get("type").asText()) || tree.get("version").asInt() != 1) {
            return null;
        }
        String customerId = tree.path("customerId").asText("");
        String service = tree.path("data").path("service").asText("");
        if (customerId.isBlank() || service.isBlank()) {
            throw new UnreadableEventException("ErasureConfirmed v1 lacks customerId or data.service");
        }
        try {
            return new Confirmation(UUID.fromString(tree.path("id").asText()), customerId, service,
                    Instant.parse(tree.path("data").path("at").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEventException("ErasureConfirmed v1 needs an event id (a UUID) and data.at (a date-time)");
        }
    }
}
