package io.careline.complaint.repository;

import java.math.BigDecimal;
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
import io.smallrye.mutiny.Uni;

/** "Overcharge one, reward one": at most one per complaint. */
@Entity
@Table(name = "compensation")
public class Compensation extends PanacheEntityBase {

    public enum Status { AWAITING_APPROVAL, GRANTED }

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    public UUID complaintId;

    @Column(name = "verified_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal verifiedAmount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, length = 2000)
    public String evidence;

    @Column(name = "verified_by", nullable = false, length = 100)
    public String verifiedBy;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "approved_by", length = 100)
    public String approvedBy;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "refund_amount", precision = 12, scale = 2)
    public BigDecimal refundAmount;

    @Column(name = "reward_amount", precision = 12, scale = 2)
    public BigDecimal rewardAmount;

    @Version
    public long version;

    public static Uni<Compensation> ofComplaint(UUID complaintId) {
        return find("complaintId", complaintId).firstResult();
    }
}
