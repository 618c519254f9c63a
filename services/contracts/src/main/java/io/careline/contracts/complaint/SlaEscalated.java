package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A complaint's SLA clock ran to twice its target without being stopped: escalated to {@code escalatedTo} (the
 * manager role). {@code dueAt} is the original target; {@code assignee} and {@code team} are who had it, or null.
 */
public record SlaEscalated(
        UUID complaintId,
        String clock,
        String policyId,
        Instant dueAt,
        Instant escalatedAt,
        String escalatedTo,
        String assignee,
        String team) {

    public static final EventType EVENT = new EventType("SlaEscalated", 1, Topics.COMPLAINT);
}
