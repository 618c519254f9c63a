package io.careline.claimcare.service;

import java.time.LocalDate;
import java.util.Set;

import io.careline.claimcare.repository.Volunteer.Kind;

/** What the registry records about a volunteer, as a coordinator enters it. */
public record VolunteerProfile(String username, String fullName, Kind kind, String region, Set<String> languages,
        Set<String> skills, String availability, int capacity, LocalDate trainingExpiresOn,
        LocalDate backgroundCheckExpiresOn) {
}
