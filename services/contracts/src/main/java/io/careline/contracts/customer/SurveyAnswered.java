package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The customer answered a satisfaction survey opened after a {@code visit} or a closed {@code complaint}, with a score
 * from 1 to 5; {@code satisfaction} (0-100) and {@code zone} ({@code at_risk}, {@code indifferent}, {@code loyal}) are
 * theirs after this answer. The comment stays in the customer service.
 */
public record SurveyAnswered(
        String customerId,
        String surveyId,
        String trigger,
        int score,
        int satisfaction,
        String zone,
        Instant at) {

    public static final EventType EVENT = new EventType("SurveyAnswered", 1, Topics.CUSTOMER);
}
