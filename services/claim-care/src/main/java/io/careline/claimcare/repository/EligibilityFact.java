package io.careline.claimcare.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.careline.claimcare.service.Criterion;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A criterion some beneficiary met, with no link to them: what "beneficiaries by criterion" counts. */
@Entity
@Table(name = "eligibility_fact")
public class EligibilityFact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Criterion criterion;

    @Column(nullable = false, length = 64)
    public String region;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
}
