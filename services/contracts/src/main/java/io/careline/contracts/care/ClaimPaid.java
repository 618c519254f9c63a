package io.careline.contracts.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The partner paid the claim. {@code visitToPaymentSeconds} is the time from the adjuster's visit to payment, null
 * when no visit was reported. The beneficiary's identity and health stay in the claim-care service.
 */
public record ClaimPaid(
        UUID claimId,
        String partnerId,
        String partnerClaimRef,
        Instant paidAt,
        BigDecimal paidAmount,
        String currency,
        Long visitToPaymentSeconds,
        boolean greenChannel) {

    public static final EventType EVENT = new EventType("ClaimPaid", 1, Topics.CARE);
}
