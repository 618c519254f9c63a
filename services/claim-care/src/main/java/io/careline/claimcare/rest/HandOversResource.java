package io.careline.claimcare.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.careline.claimcare.service.AssignmentService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/hand-overs")
@RolesAllowed(Roles.COORDINATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hand-overs", description = "Nobody is left without a volunteer unnoticed")
public class HandOversResource {

    private final AssignmentService assignments;

    public HandOversResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @Operation(summary = "People in care with no volunteer who is staying", description = "Their volunteer paused or "
            + "left: assign someone else.")
    public Uni<PageView<BeneficiaryView>> handOvers(@Valid @BeanParam PageRequest page) {
        return assignments.awaitingHandOver(page.page, page.size).map(found -> new PageView<>(
                found.items().stream().map(BeneficiaryView::of).toList(), page.page, page.size, found.total()));
    }
}
