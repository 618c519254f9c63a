package io.careline.claimcare.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** How often a beneficiary is visited, and when the next visit is due. */
@Entity
@Table(name = "care_plan")
public class CarePlan extends PanacheEntityBase {

    @Id
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "cadence_days", nullable = false)
    public int cadenceDays;

    @Column(name = "next_due_at", nullable = false)
    public Instant nextDueAt;

    /** The due time an overdue event was raised for: each miss is raised once. */
    @Column(name = "overdue_raised_for")
    public Instant overdueRaisedFor;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Two replicas checking at once: the second's update fails and its events roll back with it. */
    @Version
    public long version;
}
