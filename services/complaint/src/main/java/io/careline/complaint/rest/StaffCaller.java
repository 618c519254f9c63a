package io.careline.complaint.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.careline.complaint.service.Actor;
import io.careline.service.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Staff and partners, from their verified token only: a member of staff's user name, role and {@code team} claim; a
 * partner's {@code partner_id} claim. Never from a path or a body.
 */
@RequestScoped
public class StaffCaller {

    public static final String PARTNER_ID_CLAIM = "partner_id";
    public static final String TEAM_CLAIM = "team";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public StaffCaller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Actor staff() {
        String username = token.getClaim("preferred_username");
        if (username == null || username.isBlank()) {
            throw new ForbiddenException("the token carries no preferred_username claim");
        }
        Actor.Role role = identity.hasRole(Roles.SUPERVISOR) ? Actor.Role.SUPERVISOR
                : identity.hasRole(Roles.MANAGER) ? Actor.Role.MANAGER : Actor.Role.AGENT;
        Object team = token.getClaim(TEAM_CLAIM);
        return new Actor(username, role, team == null || team.toString().isBlank() ? null : team.toString());
    }

    public Actor partner() {
        String partnerId = token.getClaim(PARTNER_ID_CLAIM);
        if (partnerId == null || partnerId.isBlank()) {
            throw new ForbiddenException("the token carries no partner_id claim");
        }
        return Actor.partner(partnerId);
    }
}
