package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** A volunteer paused ({@code PAUSED}) or left ({@code LEFT}): their beneficiary needs another volunteer. */
public record HandOverProposed(
        UUID beneficiaryId,
        UUID volunteerId,
        String reason,
        Instant proposedAt) {

    public static final EventType EVENT = new EventType("HandOverProposed", 1, Topics.CARE);
}
