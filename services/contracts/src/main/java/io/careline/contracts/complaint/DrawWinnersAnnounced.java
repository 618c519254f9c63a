package io.careline.contracts.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The customer (the envelope's customerId) won a month's network-report draw. One event per winner. The published {@code seed} and the SHA-256 {@code eligibleDigest} of the sorted eligible list (one customer id a line) let anyone recompute the winners.
 */
public record DrawWinnersAnnounced(
        UUID drawId,
        String month,
        String seed,
        int rank,
        int winnerCount,
        int eligibleCount,
        String eligibleDigest,
        BigDecimal amount,
        String currency,
        Instant drawnAt) {

    public static final EventType EVENT = new EventType("DrawWinnersAnnounced", 1, Topics.COMPLAINT);
}
