package io.careline.claimcare.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.careline.claimcare.service.ClaimService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Caller;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/claims")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My claims", description = "A customer's own claims and their status timeline (mobile app)")
public class MyClaimsResource {

    private final ClaimService claims;
    private final Caller caller;

    public MyClaimsResource(ClaimService claims, Caller caller) {
        this.claims = claims;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My claims, newest first")
    public Uni<PageView<ClaimView>> list(@Valid @BeanParam PageRequest page) {
        return claims.pageOwned(caller.customerId(), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(ClaimView::summary).toList(), page.page,
                        page.size, found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my claims, with its status timeline")
    public Uni<ClaimView> get(@RestPath UUID id) {
        return claims.findOwned(caller.customerId(), id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no claim " + id))
                .map(ClaimView::of);
    }
}
