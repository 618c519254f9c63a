package io.careline.claimcare.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A group activity at a place, for up to {@code capacity} participants (volunteers and beneficiaries). */
@Entity
@Table(name = "group_activity")
public class GroupActivity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 200)
    public String place;

    @Column(nullable = false, length = 64)
    public String region;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "attendance_recorded_at")
    public Instant attendanceRecordedAt;

    /** Sign-ups lock the row (SELECT ... FOR UPDATE), so two racing for the last place are served one after the other. */
    @Version
    public long version;
}
