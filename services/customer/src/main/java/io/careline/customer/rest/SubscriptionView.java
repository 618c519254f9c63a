package io.careline.customer.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.customer.repository.Customer.Subscription;

/** A subscription and where it stands; never its code or the code's hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        String id,
        String product,
        String status,
        String codeChannel,
        Instant requestedAt,
        Instant expiresAt,
        Instant confirmedAt,
        Instant cancelledAt,
        String cancelChannel,
        String voidReason) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.product, s.status.name(), s.codeChannel.name(), s.requestedAt, s.expiresAt,
                s.confirmedAt, s.cancelledAt, s.cancelChannel == null ? null : s.cancelChannel.name(), s.voidReason);
    }
}
