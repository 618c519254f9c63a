package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A complaint's SLA clock passed its target at {@code dueAt} without being stopped; the complaint is escalated to
 * {@code escalatedTo} (the supervisor role). {@code assignee} and {@code team} are who had it, null if nobody.
 */
public record SlaBreached(
        UUID complaintId,
        String clock,
        String policyId,
        Instant dueAt,
        Instant breachedAt,
        String escalatedTo,
        String assignee,
        String team) {

    public static final EventType EVENT = new EventType("SlaBreached", 1, Topics.COMPLAINT);
}
