package io.careline.outbox.ops;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Parked outbox events, for operators. Every service with an outbox serves it under its own name, so the gateway routes
 * /api/v1/ops/complaint/... and /api/v1/ops/claim-care/... to their owners.
 */
@Path("/api/v1/ops/{service}/outbox")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxOpsResource {

    private final ParkedEvents parked;
    private final String application;
    private final SecurityIdentity identity;

    public OutboxOpsResource(ParkedEvents parked, @ConfigProperty(name = "quarkus.application.name") String application,
            SecurityIdentity identity) {
        this.parked = parked;
        this.application = application;
        this.identity = identity;
    }

    @GET
    @Path("parked")
    @Operation(summary = "Parked events, oldest first: each holds back the later events of its key")
    public Uni<PageView<ParkedEvent>> parked(@RestPath String service, @Valid @BeanParam PageRequest page) {
        ours(service);
        return parked.page(page.page, page.size);
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a parked event again, with a fresh series of attempts")
    public Uni<Void> retry(@RestPath String service, @RestPath UUID id) {
        ours(service);
        return parked.retry(id);
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Give a parked event up: it is never sent, the row stays, and the later events of its key flow")
    public Uni<Void> discard(@RestPath String service, @RestPath UUID id) {
        ours(service);
        return parked.discard(id, identity.getPrincipal().getName());
    }

    private void ours(String service) {
        if (!application.equals(service)) {
            throw new NotFoundException("no outbox of a service named " + service + " here");
        }
    }
}
