package io.careline.complaint.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A month's draw among the confirmed network reporters, run once. */
@Entity
@Table(name = "reward_draw")
public class RewardDraw extends PanacheEntityBase {

    @Id
    public UUID id;

    /** yyyy-MM */
    @Column(nullable = false, unique = true, length = 7)
    public String month;

    @Column(nullable = false, length = 128)
    public String seed;

    @Column(name = "eligible_count", nullable = false)
    public int eligibleCount;

    @Column(name = "eligible_digest", nullable = false, length = 64)
    public String eligibleDigest;

    @Column(name = "winner_count", nullable = false)
    public int winnerCount;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "drawn_by", nullable = false, length = 100)
    public String drawnBy;

    @Column(name = "drawn_at", nullable = false)
    public Instant drawnAt;
}
