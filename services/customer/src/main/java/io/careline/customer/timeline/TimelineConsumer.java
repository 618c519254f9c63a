package io.careline.customer.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.service.messaging.EventRecords;
import io.careline.service.messaging.UnreadableEventException;
import io.careline.service.messaging.UntilApplied;
import io.smallrye.mutiny.Uni;

/**
 * Builds the timeline from careline.customer.v1, careline.complaint.v1, careline.care.v1 and careline.notification.v1
 * (group customer-timeline, from the topics' start), one record at a time, the offset committed once handled. Each
 * event is recorded once by its id. Only a record that is not an event envelope (with an id, a customerId and an
 * occurredAt) goes to careline.customer.dlq; any other failure is retried with back-off, never skipped.
 */
@ApplicationScoped
public class TimelineConsumer {

    private static final Duration RETRY_FIRST = Duration.ofMillis(200);

    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(TimelineConsumer.class);

    private final TimelineService timeline;
    private final ObjectMapper json;
    private final String topicPrefix;

    public TimelineConsumer(TimelineService timeline, ObjectMapper json,
            @ConfigProperty(name = "careline.kafka.topic-prefix") Optional<String> topicPrefix) {
        this.timeline = timeline;
        this.json = json;
        this.topicPrefix = topicPrefix.orElse("");
    }

    @Incoming("timeline")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        TimelineEntry entry;
        try {
            entry = read(record.topic(), record.value());
        } catch (UnreadableEventException unreadable) {
            LOG.warnf("unreadable record %s goes to the dead-letter topic: %s", EventRecords.coordinates(record),
                    unreadable.getMessage());
            return Uni.createFrom().failure(unreadable);
        }
        return UntilApplied.retried(() -> timeline.record(entry),
                        RETRY_FIRST, RETRY_MAX, failure -> LOG.warnf("timeline entry %s not recorded yet (%s); retrying", entry.id,
                        failure.toString()))
                .replaceWithVoid();
    }

    TimelineEntry read(String topic, String value) {
        JsonNode tree;
        try {
            tree = value == null ? null : json.readTree(value);
        } catch (Exception e) {
            throw new UnreadableEventException("the value is not JSON");
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !tree.path("id").isTextual()
                || tree.path("customerId").asText("").isBlank()) {
            throw new UnreadableEventException("not an event envelope: it needs an id, a type and a customerId");
        }
        TimelineEntry entry = new TimelineEntry();
        entry.id = tree.get("id").asText();
        entry.type = tree.get("type").asText();
        entry.version = tree.path("version").asInt(1);
        entry.customerId = tree.get("customerId").asText();
        entry.source = TimelineService.SOURCES.get(topic.substring(Math.min(topicPrefix.length(), topic.length())));
        try {
            entry.at = Instant.parse(tree.path("occurredAt").asText());
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("occurredAt is not a date-time");
        }
        entry.data = tree.path("data").isObject() ? Document.parse(tree.get("data").toString()) : null;
        return entry;
    }
}
