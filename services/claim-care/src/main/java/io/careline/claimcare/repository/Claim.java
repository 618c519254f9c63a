package io.careline.claimcare.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A claim as its partner reported it; the partner's lifecycle events move it along {@link Status}. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    public enum Status {
        REPORTED, DOCUMENTS_COLLECTED, ASSESSED, PAID, REJECTED;

        /** The statuses a claim may be in for this one to follow: an assessment may come without a visit. */
        public Set<Status> follows() {
            return switch (this) {
                case REPORTED -> Set.of();
                case DOCUMENTS_COLLECTED -> Set.of(REPORTED);
                case ASSESSED -> Set.of(REPORTED, DOCUMENTS_COLLECTED);
                case PAID -> Set.of(DOCUMENTS_COLLECTED, ASSESSED);
                case REJECTED -> Set.of(REPORTED, DOCUMENTS_COLLECTED, ASSESSED);
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false, length = 64)
    public String partnerId;

    @Column(name = "partner_claim_ref", nullable = false, length = 64)
    public String partnerClaimRef;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Status status;

    @Column(length = 500)
    public String description;

    @Column(name = "green_channel", nullable = false)
    public boolean greenChannel;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "visited_at")
    public Instant visitedAt;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "assessed_amount", precision = 14, scale = 2)
    public BigDecimal assessedAmount;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "paid_amount", precision = 14, scale = 2)
    public BigDecimal paidAmount;

    @Column(length = 3)
    public String currency;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "rejection_reason", length = 500)
    public String rejectionReason;

    @Version
    public long version;

    /** Adjuster visit to payment; null until both happened. */
    public Duration visitToPayment() {
        return visitedAt == null || paidAt == null ? null : Duration.between(visitedAt, paidAt);
    }
}
