package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A paid claim's beneficiary met the programme's criteria and is proposed for care; care starts only with consent
 * (a guardian's when {@code minor}). Which criteria were met is health data and never leaves the service.
 */
public record CareProposed(
        UUID beneficiaryId,
        UUID claimId,
        boolean minor,
        Instant proposedAt) {

    public static final EventType EVENT = new EventType("CareProposed", 1, Topics.CARE);
}
