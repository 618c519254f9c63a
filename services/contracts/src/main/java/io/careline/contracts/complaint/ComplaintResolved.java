package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The complaint was resolved; its customer may reopen it within the configured window.
 */
public record ComplaintResolved(
        UUID complaintId,
        String reference,
        Instant receivedAt,
        Instant resolvedAt) {

    public static final EventType EVENT = new EventType("ComplaintResolved", 1, Topics.COMPLAINT);
}
