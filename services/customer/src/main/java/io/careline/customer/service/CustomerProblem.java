package io.careline.customer.service;

import io.careline.service.problem.DomainProblem;

/** A request the customer service refuses for a reason of its own domain (see {@link DomainProblem}). */
public class CustomerProblem extends DomainProblem {

    private CustomerProblem(int status, String slug, String title, String field, String detail) {
        super(status, slug, title, field, detail);
    }

    public static CustomerProblem invalid(String field, String message) {
        return new CustomerProblem(400, "invalid-request", "Invalid request", field, message);
    }

    public static CustomerProblem conflict(String slug, String field, String detail) {
        return new CustomerProblem(409, slug, "Conflict", field, detail);
    }

    /** The caller's role allows the endpoint but not this customer (e.g. an agent who is not the customer's officer). */
    public static CustomerProblem forbidden(String slug, String detail) {
        return new CustomerProblem(403, slug, "Forbidden", null, detail);
    }

    public static CustomerProblem gone(String slug, String detail) {
        return new CustomerProblem(410, slug, "Gone", null, detail);
    }

    public static CustomerProblem unauthorized(String detail) {
        return new CustomerProblem(401, "bad-signature", "Unauthorized", null, detail);
    }
}
