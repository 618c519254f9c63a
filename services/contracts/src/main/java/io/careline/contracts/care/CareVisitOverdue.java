package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A care plan's visit is overdue: for the assigned volunteer ({@code volunteerUsername}, null when nobody is
 * assigned) and the coordinators. Raised once per missed due date.
 */
public record CareVisitOverdue(
        UUID beneficiaryId,
        UUID volunteerId,
        String volunteerUsername,
        Instant dueAt,
        Instant detectedAt) {

    public static final EventType EVENT = new EventType("CareVisitOverdue", 1, Topics.CARE);
}
