package io.careline.contracts.customer;

import java.time.Instant;
import java.util.List;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * An officer visited the customer and recorded the questionnaire with the customer's confirmation ({@code signature},
 * {@code verbal} or {@code code}). Each need flagged ({@code financial}, {@code legal}, {@code technical_training},
 * {@code other}) opened a follow-up offer. The answers themselves stay in the customer service.
 */
public record VisitRecorded(
        String customerId,
        String visitId,
        String officer,
        Instant visitedAt,
        List<String> needs,
        String confirmation) {

    public static final EventType EVENT = new EventType("VisitRecorded", 1, Topics.CUSTOMER);
}
