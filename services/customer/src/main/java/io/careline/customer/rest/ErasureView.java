package io.careline.customer.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.ErasureConfirmation;

/**
 * Where a customer's erasure stands: not_requested, in_progress (some services have not confirmed yet) or complete
 * (every service expected when it was requested has).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErasureView(String customerId, String status, Instant requestedAt, List<ServiceView> services,
        boolean legalHold) {

    public record ServiceView(String service, boolean confirmed, Instant confirmedAt) {
    }

    public static ErasureView of(Customer customer) {
        boolean hold = customer.legalHold != null && customer.legalHold.active;
        if (customer.erasure == null) {
            return new ErasureView(customer.id, "not_requested", null, null, hold);
        }
        List<ServiceView> services = customer.erasure.expected.stream().map(service -> {
            Instant at = customer.erasure.confirmations.stream().filter(confirmation -> confirmation.service.equals(service))
                    .map((ErasureConfirmation confirmation) -> confirmation.at).findFirst().orElse(null);
            return new ServiceView(service, at != null, at);
        }).toList();
        boolean complete = services.stream().allMatch(ServiceView::confirmed);
        return new ErasureView(customer.id, complete ? "complete" : "in_progress", customer.erasure.requestedAt, services,
                hold);
    }
}
