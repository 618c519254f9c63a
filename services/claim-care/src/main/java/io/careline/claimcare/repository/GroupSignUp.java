package io.careline.claimcare.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A volunteer or a beneficiary signed up for a group activity, and whether they came. */
@Entity
@Table(name = "group_sign_up")
public class GroupSignUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_activity_id", nullable = false)
    public UUID groupActivityId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "signed_up_at", nullable = false)
    public Instant signedUpAt;

    /** Null until attendance is recorded. */
    public Boolean attended;
}
