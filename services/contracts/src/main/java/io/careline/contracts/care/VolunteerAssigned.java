package io.careline.contracts.care;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** A coordinator assigned a volunteer to a beneficiary; care begins with the first assignment after consent. */
public record VolunteerAssigned(
        UUID beneficiaryId,
        UUID volunteerId,
        String volunteerUsername,
        Instant assignedAt) {

    public static final EventType EVENT = new EventType("VolunteerAssigned", 1, Topics.CARE);
}
