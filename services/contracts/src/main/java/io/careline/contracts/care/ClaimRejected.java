package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** The partner rejected the claim, with its reason. */
public record ClaimRejected(
        UUID claimId,
        String partnerId,
        String partnerClaimRef,
        Instant rejectedAt,
        String reason) {

    public static final EventType EVENT = new EventType("ClaimRejected", 1, Topics.CARE);
}
