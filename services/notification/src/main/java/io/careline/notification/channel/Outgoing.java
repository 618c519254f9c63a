package io.careline.notification.channel;

/**
 * One message for one channel, rendered: {@code deliveryId} is {@code <sourceEventId>:<channel>}, passed to providers
 * as their idempotency reference.
 */
public record Outgoing(String deliveryId, String customerId, String address, String title, String body) {
}
