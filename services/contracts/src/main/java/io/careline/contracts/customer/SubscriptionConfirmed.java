package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/** The customer confirmed a subscription with the code they were sent ({@code channel}: where it was confirmed, app). */
public record SubscriptionConfirmed(
        String customerId,
        String subscriptionId,
        String product,
        String channel,
        Instant at) {

    public static final EventType EVENT = new EventType("SubscriptionConfirmed", 1, Topics.CUSTOMER);
}
