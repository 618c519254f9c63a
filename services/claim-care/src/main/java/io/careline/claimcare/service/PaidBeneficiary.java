package io.careline.claimcare.service;

import java.time.LocalDate;
import java.util.Set;

/** The person a paid claim benefits, as the partner describes them: checked for eligibility at payment. */
public record PaidBeneficiary(String fullName, LocalDate dateOfBirth, Relationship relationship, String region,
        String language, Set<HealthCondition> healthConditions, String healthNotes, String guardianName) {

    public enum Relationship { SELF, SPOUSE, CHILD, PARENT, OTHER }
}
