package io.careline.contracts.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * "Overcharge one, reward one": the verified overcharge is refunded and the same amount granted again as a reward. Granted once per complaint.
 */
public record CompensationGranted(
        UUID complaintId,
        String reference,
        UUID compensationId,
        BigDecimal refundAmount,
        BigDecimal rewardAmount,
        String currency,
        Instant grantedAt) {

    public static final EventType EVENT = new EventType("CompensationGranted", 1, Topics.COMPLAINT);
}
