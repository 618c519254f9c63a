package io.careline.claimcare.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.claimcare.repository.Beneficiary;

/** A beneficiary as staff see them: never their health data, which has its own audited path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BeneficiaryView(
        UUID id,
        UUID claimId,
        String customerId,
        String fullName,
        LocalDate dateOfBirth,
        String relationship,
        String region,
        String language,
        boolean minor,
        String guardianName,
        String status,
        Instant paidAt,
        Instant proposedAt,
        String consentDecision,
        String consentGivenBy,
        Instant consentRecordedAt,
        String safeguarding,
        Instant careStartedAt,
        Instant endedAt,
        String endReason,
        boolean pseudonymised) {

    static BeneficiaryView of(Beneficiary b) {
        return new BeneficiaryView(b.id, b.claimId, b.customerId, b.fullName, b.dateOfBirth, b.relationship.name(),
                b.region, b.language, b.minor, b.guardianName, b.status.name(), b.paidAt, b.proposedAt,
                name(b.consentDecision), name(b.consentGivenBy), b.consentRecordedAt, name(b.safeguarding),
                b.careStartedAt, b.endedAt, name(b.endReason), b.pseudonymisedAt != null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
