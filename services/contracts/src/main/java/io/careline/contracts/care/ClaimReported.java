package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A partner (insurer) reported a claim. {@code greenChannel} marks an urgent case whose payment is fast-tracked.
 * The envelope's customerId is the policyholder's.
 */
public record ClaimReported(
        UUID claimId,
        String partnerId,
        String partnerClaimRef,
        Instant reportedAt,
        boolean greenChannel) {

    public static final EventType EVENT = new EventType("ClaimReported", 1, Topics.CARE);
}
