package io.careline.service.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/**
 * Who is calling, read from their verified token only: a customer's id is never taken from a path or a body,
 * so a customer reaches their own data whatever id they send.
 */
@RequestScoped
public class Caller {

    public static final String CUSTOMER_ID_CLAIM = "customer_id";
    public static final String MOBILE_APP_CLIENT = "careline-mobile";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The customer this token belongs to; a token without one is refused (403). */
    public String customerId() {
        String customerId = token.getClaim(CUSTOMER_ID_CLAIM);
        if (customerId == null || customerId.isBlank()) {
            throw new ForbiddenException("the token carries no customer_id claim");
        }
        return customerId;
    }

    /** The OAuth client the caller signed in to (the token's {@code azp}). */
    public String clientId() {
        String clientId = token.getClaim("azp");
        return clientId == null ? "" : clientId;
    }

    public boolean viaMobileApp() {
        return MOBILE_APP_CLIENT.equals(clientId());
    }
}
