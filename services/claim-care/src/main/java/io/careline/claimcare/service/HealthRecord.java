package io.careline.claimcare.service;

import java.util.Set;

/** What is sealed in a beneficiary's health field: the conditions the partner reported and their notes. */
public record HealthRecord(Set<HealthCondition> conditions, String notes) {
}
