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

/** One lifecycle event a partner posted, applied once per partner event id: the claim's timeline. */
@Entity
@Table(name = "claim_event")
public class ClaimEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "partner_id", nullable = false, length = 64)
    public String partnerId;

    @Column(name = "partner_event_id", nullable = false, length = 100)
    public String partnerEventId;

    @Column(name = "request_fingerprint", nullable = false, length = 64)
    public String requestFingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Claim.Status type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
