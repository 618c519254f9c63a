package io.careline.claimcare.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.careline.claimcare.service.CareReader;
import io.careline.service.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified token only: a partner's id (its {@code partner_id} claim, never a path or a body)
 * and a member of staff's sign-in name and roles.
 */
@RequestScoped
public class StaffCaller {

    public static final String PARTNER_ID_CLAIM = "partner_id";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public StaffCaller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The partner this client-credentials token belongs to; a token without one is refused (403). */
    public String partnerId() {
        String partnerId = token.getClaim(PARTNER_ID_CLAIM);
        if (partnerId == null || partnerId.isBlank()) {
            throw new ForbiddenException("the token carries no partner_id claim");
        }
        return partnerId;
    }

    public String username() {
        String username = token.getClaim("preferred_username");
        if (username == null || username.isBlank()) {
            throw new ForbiddenException("the token carries no preferred_username claim");
        }
        return username;
    }

    /** A coordinator reads every beneficiary; anyone else reading care records is a volunteer, limited to their own. */
    public CareReader reader() {
        return new CareReader(username(), identity.hasRole(Roles.COORDINATOR));
    }
}
