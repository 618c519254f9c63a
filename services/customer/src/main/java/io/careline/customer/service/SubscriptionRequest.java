package io.careline.customer.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.careline.customer.repository.Customer.Channel;

/** A product to subscribe to; the code goes to {@code channel}, by default SMS if the customer has a phone, else e-mail. */
public record SubscriptionRequest(@NotBlank @Size(max = 64) String product, Channel channel) {
}
