package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A customer asked for a value-added product; the notification service sends them {@code code} on {@code channel}
 * (sms, email, push or in_app). The subscription starts only once they send the code back before {@code expiresAt}:
 * the second confirmation. The code is in this event only: the customer service keeps a keyed hash of it.
 */
public record SubscriptionConfirmationRequested(
        String customerId,
        String subscriptionId,
        String product,
        String code,
        String channel,
        Instant expiresAt) {

    public static final EventType EVENT = new EventType("SubscriptionConfirmationRequested", 1, Topics.CUSTOMER);
}
