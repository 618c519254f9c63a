package io.careline.customer.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.careline.customer.repository.Customer;

/**
 * Everything this service holds about a customer, as one JSON document: profile, consents with their history,
 * subscriptions and erasure state. The other services' parts are listed under {@code notYetIncluded}: they join the
 * export when those services answer for their part.
 */
public record ExportView(String customerId, Instant exportedAt, Map<String, Object> services, List<String> notYetIncluded) {

    public static ExportView of(Customer customer, Instant now, List<String> otherServices) {
        Map<String, Object> part = Map.of(
                "profile", CustomerView.forStaff(customer),
                "consents", ConsentsView.of(customer),
                "subscriptions", customer.subscriptions.stream().map(SubscriptionView::of).toList(),
                "erasure", ErasureView.of(customer));
        return new ExportView(customer.id, now, Map.of("customer", part), otherServices);
    }
}
