package io.careline.complaint.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.rest.Requests.VerifyDrawRequest;
import io.careline.complaint.rest.Views.VerifiedDraw;
import io.careline.complaint.rest.Views.Winner;
import io.careline.complaint.service.Draws;
import io.careline.service.security.Roles;

@Path("/api/v1/draws")
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reward draws")
public class DrawVerificationResource {

    private final ComplaintConfig config;

    public DrawVerificationResource(ComplaintConfig config) {
        this.config = config;
    }

    @POST
    @Path("verify")
    @Operation(summary = "Recompute a draw from its seed and eligible list", description = "Pure computation, nothing "
            + "stored: the same seed and list (in any order; duplicates count once) always give the same winners and "
            + "digest, so a month's draw can be checked against GET /api/v1/complaints/draws/{month} and its eligible "
            + "list.")
    public VerifiedDraw verify(@Valid @NotNull VerifyDrawRequest request) {
        int n = request.winners() == null ? config.draw().winners() : request.winners();
        List<Draws.Ticket> tickets = Draws.winners(request.seed(), request.eligible(), n);
        List<Winner> winners = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            winners.add(new Winner(i + 1, tickets.get(i).customerId()));
        }
        return new VerifiedDraw(Draws.eligible(request.eligible()).size(), Draws.digest(request.eligible()), winners);
    }
}
