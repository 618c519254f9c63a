package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The complaint was acknowledged to its customer; automatic, so it does not stop the first-reply clock.
 */
public record ComplaintAcknowledged(
        UUID complaintId,
        String reference,
        Instant acknowledgedAt) {

    public static final EventType EVENT = new EventType("ComplaintAcknowledged", 1, Topics.COMPLAINT);
}
