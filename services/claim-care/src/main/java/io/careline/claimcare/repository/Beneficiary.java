package io.careline.claimcare.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.careline.claimcare.service.PaidBeneficiary.Relationship;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A person proposed for care after their claim was paid. Their health data is only ever here encrypted
 * ({@code healthCipher}, under the key {@code healthKeyId}); read it through the audited path only.
 */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    public enum Status { PROPOSED, CONSENTED, REFUSED, IN_CARE, ENDED }

    public enum ConsentDecision { GIVEN, REFUSED }

    public enum ConsentGivenBy { BENEFICIARY, GUARDIAN }

    /** How a minor is kept safe at every visit. */
    public enum Safeguarding { TWO_VOLUNTEERS, GUARDIAN_PRESENT }

    public enum EndReason { GOALS_MET, BENEFICIARY_DECLINED, MOVED_AWAY, DECEASED, OTHER }

    @Id
    public UUID id;

    @Column(name = "claim_id", nullable = false, unique = true)
    public UUID claimId;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Relationship relationship;

    @Column(nullable = false, length = 64)
    public String region;

    @Column(nullable = false, length = 8)
    public String language;

    @Column(nullable = false)
    public boolean minor;

    @Column(name = "guardian_name", length = 200)
    public String guardianName;

    @Column(name = "health_key_id", length = 32)
    public String healthKeyId;

    @Column(name = "health_cipher", columnDefinition = "text")
    public String healthCipher;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_decision", length = 16)
    public ConsentDecision consentDecision;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_given_by", length = 16)
    public ConsentGivenBy consentGivenBy;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @Column(name = "consent_recorded_by", length = 100)
    public String consentRecordedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    public Safeguarding safeguarding;

    @Column(name = "care_started_at")
    public Instant careStartedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 32)
    public EndReason endReason;

    @Column(name = "pseudonymised_at")
    public Instant pseudonymisedAt;

    @Version
    public long version;
}
