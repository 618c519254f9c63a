package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** The adjuster visited and collected the documents: the visit-to-payment clock starts at {@code visitedAt}. */
public record ClaimDocumentsCollected(
        UUID claimId,
        String partnerId,
        String partnerClaimRef,
        Instant visitedAt) {

    public static final EventType EVENT = new EventType("ClaimDocumentsCollected", 1, Topics.CARE);
}
