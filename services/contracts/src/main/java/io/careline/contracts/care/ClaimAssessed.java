package io.careline.contracts.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** The partner assessed the claim at {@code assessedAmount} (in {@code currency}, ISO 4217). */
public record ClaimAssessed(
        UUID claimId,
        String partnerId,
        String partnerClaimRef,
        Instant assessedAt,
        BigDecimal assessedAmount,
        String currency) {

    public static final EventType EVENT = new EventType("ClaimAssessed", 1, Topics.CARE);
}
