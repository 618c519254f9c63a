package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A subscription ended at {@code at}, at once: no message for it may go out after this. {@code channel} is the way
 * out the customer took: app, sms (a keyword to the inbound-SMS webhook) or agent (care staff on their behalf).
 */
public record SubscriptionCancelled(
        String customerId,
        String subscriptionId,
        String product,
        String channel,
        Instant at) {

    public static final EventType EVENT = new EventType("SubscriptionCancelled", 1, Topics.CUSTOMER);
}
