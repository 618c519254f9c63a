package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A network incident was resolved. One event per reporter (the envelope's customerId), so every reporter is told; no other reporter is named.
 */
public record IncidentResolved(
        UUID incidentId,
        String kind,
        String area,
        Instant resolvedAt,
        int reporterCount) {

    public static final EventType EVENT = new EventType("IncidentResolved", 1, Topics.COMPLAINT);
}
