package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** The beneficiary, or their guardian, gave or refused consent to care. */
public record CareConsentRecorded(
        UUID beneficiaryId,
        String decision,
        String givenBy,
        Instant recordedAt) {

    public static final EventType EVENT = new EventType("CareConsentRecorded", 1, Topics.CARE);
}
