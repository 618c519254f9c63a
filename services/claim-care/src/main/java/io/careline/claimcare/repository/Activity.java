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

/** One-to-one care: a visit, call, errand or help with paperwork, as the volunteer recorded it. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    public enum Kind {
        VISIT, CALL, ERRAND, PAPERWORK;

        /** Whether the volunteer is with the person: what a minor's safeguarding applies to. */
        public boolean inPerson() {
            return this != CALL;
        }
    }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "volunteer_id", nullable = false)
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(columnDefinition = "text")
    public String notes;

    @Column(name = "needs_found", columnDefinition = "text")
    public String needsFound;

    @Column(name = "second_volunteer_id")
    public UUID secondVolunteerId;

    @Column(name = "guardian_present", nullable = false)
    public boolean guardianPresent;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
