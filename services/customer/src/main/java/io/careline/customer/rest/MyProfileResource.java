package io.careline.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.careline.service.security.Caller;
import io.careline.service.security.Roles;

@Path("/api/v1/me/profile")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My profile", description = "The signed-in customer's own profile (mobile app)")
public class MyProfileResource {

    private final Caller caller;

    public MyProfileResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Who I am", description = "The customer the platform knows the caller as, read from their "
            + "verified token only.")
    public MyProfileView get() {
        return new MyProfileView(caller.customerId());
    }
}
