package io.careline.outbox.mongo;

import java.util.UUID;
import java.util.function.Supplier;

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
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Parked outbox events of a MongoDB service, for operators: the same paths as the PostgreSQL services' endpoint, so the
 * gateway routes /api/v1/ops/customer/... and /api/v1/ops/notification/... to their owners.
 */
@Path("/api/v1/ops/{service}/outbox")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MongoOutboxOpsResource {

    private final MongoParkedEvents parked;
    private final String application;
    private final SecurityIdentity identity;

    public MongoOutboxOpsResource(MongoParkedEvents parked,
            @ConfigProperty(name = "quarkus.application.name") String application, SecurityIdentity identity) {
        this.parked = parked;
        this.application = application;
        this.identity = identity;
    }

    @GET
    @Path("parked")
    @Operation(summary = "Parked events, oldest first: each holds back the later events of its key")
    public Uni<PageView<MongoParkedEvent>> parked(@RestPath String service, @Valid @BeanParam PageRequest page) {
        ours(service);
        return blocking(() -> parked.page(page.page, page.size));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a parked event again, with a fresh series of attempts")
    public Uni<Void> retry(@RestPath String service, @RestPath UUID id) {
        ours(service);
        return blocking(() -> parked.retry(id.toString())).invoke(done -> found(done, id)).replaceWithVoid();
    }

    @POST
    @Path("{id}/discard")
    @Operation(summary = "Give a parked event up: it is never sent, it is kept in outbox_discarded, and the later events of its key flow")
    public Uni<Void> discard(@RestPath String service, @RestPath UUID id) {
        ours(service);
        String operator = identity.getPrincipal().getName();
        return blocking(() -> parked.discard(id.toString(), operator)).invoke(done -> found(done, id)).replaceWithVoid();
    }

    private void ours(String service) {
        if (!application.equals(service)) {
            throw new NotFoundException("no outbox of a service named " + service + " here");
        }
    }

    private static void found(boolean done, UUID id) {
        if (!done) {
            throw new NotFoundException("no parked outbox event " + id);
        }
    }

    /** The outbox's store calls block (the relay's synchronous client): off the event loop. */
    private static <T> Uni<T> blocking(Supplier<T> call) {
        return Uni.createFrom().item(call).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
