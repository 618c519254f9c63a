package io.careline.claimcare.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.claimcare.repository.Claim;
import io.careline.claimcare.repository.ClaimEvent;
import io.careline.claimcare.service.ClaimRecord;

/** A claim as its partner and its customer see it; the timeline only on a single claim, not in lists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(
        UUID id,
        String partnerId,
        String claimRef,
        String customerId,
        String status,
        boolean greenChannel,
        String description,
        Instant reportedAt,
        Instant visitedAt,
        Instant assessedAt,
        BigDecimal assessedAmount,
        Instant paidAt,
        BigDecimal paidAmount,
        String currency,
        Instant rejectedAt,
        String rejectionReason,
        Long visitToPaymentSeconds,
        List<Step> timeline) {

    /** One step of the claim's life, at the time it happened at the partner. */
    public record Step(String status, Instant occurredAt) {
        static Step of(ClaimEvent event) {
            return new Step(event.type.name(), event.occurredAt);
        }
    }

    static ClaimView of(ClaimRecord record) {
        return of(record.claim(), record.timeline().stream().map(Step::of).toList());
    }

    static ClaimView summary(Claim claim) {
        return of(claim, null);
    }

    private static ClaimView of(Claim claim, List<Step> timeline) {
        return new ClaimView(claim.id, claim.partnerId, claim.partnerClaimRef, claim.customerId, claim.status.name(),
                claim.greenChannel, claim.description, claim.reportedAt, claim.visitedAt, claim.assessedAt,
                claim.assessedAmount, claim.paidAt, claim.paidAmount, claim.currency, claim.rejectedAt,
                claim.rejectionReason, claim.visitToPayment() == null ? null : claim.visitToPayment().toSeconds(), timeline);
    }
}
