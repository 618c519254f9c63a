package io.careline.complaint.repository;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer eligible for a draw; {@code winnerRank} 1..N for the winners. */
@Entity
@Table(name = "reward_draw_entry")
@IdClass(RewardDrawEntry.Key.class)
public class RewardDrawEntry extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID drawId;
        public String customerId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(drawId, key.drawId) && Objects.equals(customerId, key.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(drawId, customerId);
        }
    }

    @Id
    @Column(name = "draw_id")
    public UUID drawId;

    @Id
    @Column(name = "customer_id", length = 64)
    public String customerId;

    @Column(name = "winner_rank")
    public Integer winnerRank;
}
