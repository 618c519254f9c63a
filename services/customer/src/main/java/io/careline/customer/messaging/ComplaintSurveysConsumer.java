package io.careline.customer.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.customer.service.SatisfactionService;
import io.careline.service.messaging.EventRecords;
import io.careline.service.messaging.UnreadableEventException;
import io.careline.service.messaging.UntilApplied;
import io.smallrye.mutiny.Uni;

/**
 * Opens a satisfaction survey when a complaint is over: ComplaintResolved v1, or ComplaintStatusChanged v1 to CLOSED,
 * from careline.complaint.v1 (group customer-surveys), read as JSON by field names. One survey per complaint (one
 * conditional update), so a redelivery, the resolution followed by the closing, or two replicas open it once. Other
 * events are skipped; a customer this service does not know is skipped (logged); only an unreadable record goes to
 * careline.customer.dlq; any other failure is retried with back-off, never skipped.
 */
@ApplicationScoped
public class ComplaintSurveysConsumer {

    private static final Duration RETRY_FIRST = Duration.ofMillis(200);

    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ComplaintSurveysConsumer.class);

    private final SatisfactionService satisfaction;
    private final ObjectMapper json;

    public ComplaintSurveysConsumer(SatisfactionService satisfaction, ObjectMapper json) {
        this.satisfaction = satisfaction;
        this.json = json;
    }

    /** A complaint that is over, for its customer. */
    record Over(String eventId, String customerId, String complaintId, String reference) {
    }

    @Incoming("complaint-surveys")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Over over;
        try {
            over = read(record.value());
        } catch (UnreadableEventException unreadable) {
            LOG.warnf("unreadable record %s goes to the dead-letter topic: %s", EventRecords.coordinates(record),
                    unreadable.getMessage());
            return Uni.createFrom().failure(unreadable);
        }
        if (over == null) {
            return Uni.createFrom().voidItem();
        }
        return UntilApplied.retried(() -> satisfaction.openAfterComplaint(over.customerId(), over.complaintId(), over.reference()),
                        RETRY_FIRST, RETRY_MAX, failure -> LOG.warnf("survey for complaint %s not opened yet (%s); retrying",
                        over.complaintId(), failure.toString()))
                .invoke(opened -> LOG.infof(opened ? "survey opened for %s after complaint %s (%s)"
                        : "no survey for %s after complaint %s (%s): opened before, or the customer is not known here",
                        over.customerId(), over.reference(), over.eventId()))
                .replaceWithVoid();
    }

    /** The complaint this record says is over; null for any other event. */
    Over read(String value) {
        JsonNode tree = EventRecords.envelope(json, value);
        String type = tree.get("type").asText();
        boolean over = tree.get("version").asInt() == 1 && ("ComplaintResolved".equals(type)
                || "ComplaintStatusChanged".equals(type) && "CLOSED".equals(tree.path("data").path("toStatus").asText()));
        if (!over) {
            return null;
        }
        String customerId = tree.path("customerId").asText("");
        String complaintId = tree.path("data").path("complaintId").asText("");
        if (customerId.isBlank() || complaintId.isBlank()) {
            throw new UnreadableEventException(type + " v1 lacks customerId or data.complaintId");
        }
        return new Over(tree.path("id").asText(), customerId, complaintId, tree.path("data").path("reference").asText(null));
    }
}
