package io.careline.claimcare.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.claimcare.service.HealthKeyRotation;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/health-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health data keys", description = "Key rotation for the beneficiaries' encrypted health data")
public class HealthKeysResource {

    private final HealthKeyRotation rotation;
    private final StaffCaller caller;

    public HealthKeysResource(HealthKeyRotation rotation, StaffCaller caller) {
        this.rotation = rotation;
        this.caller = caller;
    }

    @POST
    @Path("re-encryption")
    @Operation(summary = "Re-encrypt a batch of values sealed with an older key", description = "Run after making a "
            + "new key current (careline.care.health-keys.current) until remaining is 0; then the old key can be "
            + "removed from the configuration. Each re-encryption is audited.")
    public Uni<HealthKeyRotation.Outcome> reEncrypt(@RestQuery @DefaultValue("100") @Range(min = 1, max = 500) int batchSize) {
        return rotation.reEncryptBatch(batchSize, caller.username());
    }
}
