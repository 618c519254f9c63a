package io.careline.customer.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.careline.customer.service.SignIn;
import io.careline.service.security.Caller;
import io.quarkus.security.ForbiddenException;

/**
 * What this service reads from the verified token beyond {@link Caller}: a partner's id (its partner_id claim, never a
 * path or a body), a member of staff's sign-in name, and what a customer's first sign-in makes their profile from.
 */
@RequestScoped
public class TokenClaims {

    public static final String PARTNER_ID_CLAIM = "partner_id";

    private final JsonWebToken token;
    private final Caller caller;

    public TokenClaims(JsonWebToken token, Caller caller) {
        this.token = token;
        this.caller = caller;
    }

    /** The partner this client-credentials token belongs to; a token without one is refused (403). */
    public String partnerId() {
        return required(PARTNER_ID_CLAIM);
    }

    public String username() {
        return required("preferred_username");
    }

    public SignIn signIn() {
        Boolean verified = token.getClaim("email_verified");
        return new SignIn(caller.customerId(), token.getClaim("given_name"), token.getClaim("family_name"),
                token.getClaim("name"), token.getClaim("email"), Boolean.TRUE.equals(verified), token.getClaim("locale"));
    }

    /** What proves a consent given in this session: the app, the session and the token it was given with. */
    public String evidence() {
        return "app " + caller.clientId() + ", session " + token.getClaim("sid") + ", token " + token.getClaim("jti");
    }

    private String required(String claim) {
        String value = token.getClaim(claim);
        if (value == null || value.isBlank()) {
            throw new ForbiddenException("the token carries no " + claim + " claim");
        }
        return value;
    }
}
