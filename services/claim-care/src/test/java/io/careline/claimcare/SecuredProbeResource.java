package io.careline.claimcare;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.careline.service.security.Roles;

/**
 * Test-only (src/test, never packaged): a secured path and an unannotated one, so the security tests check the
 * service's wiring (token checks, deny-unannotated-endpoints) apart from any business endpoint.
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
