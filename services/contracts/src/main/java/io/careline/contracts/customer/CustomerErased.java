package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The customer's personal data must be pseudonymised in every service (counts and statistics stay). Each service
 * applies it once per event id and confirms; the customer service tracks the confirmations.
 */
public record CustomerErased(
        String customerId,
        Instant requestedAt) {

    public static final EventType EVENT = new EventType("CustomerErased", 1, Topics.CUSTOMER);
}
