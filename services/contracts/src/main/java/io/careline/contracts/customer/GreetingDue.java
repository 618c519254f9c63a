package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A greeting is due now: the customer consented to greetings on {@code channel} and it is the configured local hour of
 * the occasion in their timezone. Published once per customer, occasion and year (the key is
 * {@code occasion + "-" + year}), even with several replicas; the notification service sends it in {@code locale}.
 * {@code occasion}: birthday (public holidays to come).
 */
public record GreetingDue(
        String customerId,
        String occasion,
        int year,
        String channel,
        String locale,
        Instant dueAt) {

    public static final EventType EVENT = new EventType("GreetingDue", 1, Topics.CUSTOMER);
}
