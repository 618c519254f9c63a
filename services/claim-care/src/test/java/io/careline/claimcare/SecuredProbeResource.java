package io.careline.claimcare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.careline.service.security.Roles;

/**
 * Test-only (src/test, never packaged): the service has no endpoint of its own yet, so this probe gives the
 * security tests a secured path to knock on, wired exactly as the service's real endpoints will be.
 */
@Path("/api/v1/security-probe")
@Produces(MediaType.TEXT_PLAIN)
public class SecuredProbeResource {

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    public String coordinatorsOnly() {
        return "coordinator";
    }

    /** Carries no security annotation: deny-unannotated-endpoints must refuse it to everybody. */
    @GET
    @Path("unannotated")
    public String unannotated() {
        return "reached";
    }
}
