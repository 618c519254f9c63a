package io.careline.claimcare.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A volunteer caring for a beneficiary, from assignment until it ends; ended ones are the continuity record. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    public enum EndReason { HANDED_OVER, CARE_ENDED, UNASSIGNED }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "volunteer_id", nullable = false)
    public UUID volunteerId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "assigned_by", nullable = false, length = 100)
    public String assignedBy;

    /** Set when the volunteer paused or left: someone must take over. */
    @Column(name = "handover_proposed_at")
    public Instant handoverProposedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 24)
    public EndReason endReason;
}
