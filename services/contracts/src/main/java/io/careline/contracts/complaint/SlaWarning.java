package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A complaint's SLA clock ({@code FIRST_REPLY} or {@code RESOLUTION}) has used its warning share of the target
 * (75% by default) and is due at {@code dueAt}: its assignee (or team) should act. {@code assignee} and {@code team}
 * are null while nobody is assigned.
 */
public record SlaWarning(
        UUID complaintId,
        String clock,
        String policyId,
        Instant dueAt,
        Instant warnedAt,
        String assignee,
        String team) {

    public static final EventType EVENT = new EventType("SlaWarning", 1, Topics.COMPLAINT);
}
