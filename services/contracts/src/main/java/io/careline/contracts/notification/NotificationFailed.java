package io.careline.contracts.notification;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A channel gave up on a message after its attempts ({@code reason} says the last error, without personal data); the
 * next channel of the recipient's fallback order, if any, takes over with its own delivery.
 */
public record NotificationFailed(
        String deliveryId,
        String customerId,
        String sourceEventId,
        String kind,
        String channel,
        String reason,
        int attempts,
        Instant failedAt) {

    public static final EventType EVENT = new EventType("NotificationFailed", 1, Topics.NOTIFICATION);
}
