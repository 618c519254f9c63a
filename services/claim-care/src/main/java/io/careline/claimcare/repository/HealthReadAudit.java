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

/** One read of a beneficiary's health data: who, in which role, why and when. Written with the read. */
@Entity
@Table(name = "health_read_audit")
public class HealthReadAudit extends PanacheEntityBase {

    public enum Purpose { CARE, RE_ENCRYPTION }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(nullable = false, length = 100)
    public String reader;

    @Column(name = "reader_role", nullable = false, length = 16)
    public String readerRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Purpose purpose;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
