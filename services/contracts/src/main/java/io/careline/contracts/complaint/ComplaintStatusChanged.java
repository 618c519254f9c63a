package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The complaint moved between statuses. Who moved it and why stay in the service's audit trail, never in the event.
 */
public record ComplaintStatusChanged(
        UUID complaintId,
        String reference,
        String fromStatus,
        String toStatus,
        Instant changedAt) {

    public static final EventType EVENT = new EventType("ComplaintStatusChanged", 1, Topics.COMPLAINT);
}
