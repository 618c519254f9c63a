package io.careline.complaint.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Network reports close together in place and time. Confirmed by staff, its reporters may win the monthly draw. */
@Entity
@Table(name = "network_incident")
public class NetworkIncident extends PanacheEntityBase {

    public enum Status { OPEN, CONFIRMED, RESOLVED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public NetworkReport.Kind kind;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(length = 200)
    public String area;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status;

    @Column(name = "confirmed_by", length = 100)
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "resolved_by", length = 100)
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(length = 1000)
    public String resolution;

    @Version
    public long version;
}
