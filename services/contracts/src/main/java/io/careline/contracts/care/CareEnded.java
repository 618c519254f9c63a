package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** A coordinator ended a beneficiary's care, with a reason; it may end long after the claim was closed. */
public record CareEnded(
        UUID beneficiaryId,
        String reason,
        Instant endedAt) {

    public static final EventType EVENT = new EventType("CareEnded", 1, Topics.CARE);
}
