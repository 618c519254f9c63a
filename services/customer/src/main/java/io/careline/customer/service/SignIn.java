package io.careline.customer.service;

/** What a customer's verified token says about them, for the profile made at their first sign-in. */
public record SignIn(String customerId, String givenName, String familyName, String name, String email,
        boolean emailVerified, String locale) {
}
