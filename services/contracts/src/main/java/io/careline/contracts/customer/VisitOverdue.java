package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The customer was not visited in the visit period starting in month {@code period} (yyyy-MM), which ended at
 * {@code dueBy}: for the officer responsible and the supervisor who assigned them (null if none is known). Published
 * once per customer and period, even with several replicas.
 */
public record VisitOverdue(
        String customerId,
        String officer,
        String supervisor,
        String period,
        Instant dueBy,
        Instant lastVisitAt) {

    public static final EventType EVENT = new EventType("VisitOverdue", 1, Topics.CUSTOMER);
}
