package io.careline.complaint.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer's report of a network problem: its kind, place and time. */
@Entity
@Table(name = "network_report")
public class NetworkReport extends PanacheEntityBase {

    public enum Kind { NO_SIGNAL, DROPPED_CALLS, SLOW_DATA, NO_DATA, OTHER }

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Column(nullable = false)
    public double latitude;

    @Column(nullable = false)
    public double longitude;

    @Column(length = 64)
    public String cell;

    @Column(length = 200)
    public String area;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;
}
