package io.careline.customer.rest;

/** A customer's profile as they see it; today their identity on the platform, the id their token carries. */
public record MyProfileView(String customerId) {
}
