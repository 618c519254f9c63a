package io.careline.complaint.rest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.complaint.rest.Requests.RunDrawRequest;
import io.careline.complaint.rest.Views.DrawView;
import io.careline.complaint.service.ComplaintProblem;
import io.careline.complaint.service.DrawService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/complaints/draws")
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reward draws", description = "Each month, winners (50 by default) are drawn among the distinct customers "
        + "with a report in that month (UTC) belonging to an incident staff confirmed. Eligible ids are sorted and "
        + "deduplicated; each gets the ticket HMAC-SHA256(key = seed, message = customer id, both UTF-8) in lower-case "
        + "hex; the lowest tickets win (ties by id). The eligible digest is SHA-256 of the sorted ids, each followed by "
        + "a line feed. Anyone with the seed and the list can recompute the winners.")
public class DrawsResource {

    private final DrawService draws;
    private final StaffCaller caller;

    public DrawsResource(DrawService draws, StaffCaller caller) {
        this.draws = draws;
        this.caller = caller;
    }

    @POST
    @Path("{month}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Run a month's draw (supervisor), once", description = "201 with the winners; running it again "
            + "answers 200 with the same draw (Idempotent-Replayed: true). A month not yet over, or without confirmed "
            + "reporters: 409 naming month. Each winner is announced by DrawWinnersAnnounced.")
    public Uni<RestResponse<DrawView>> run(@RestPath @Parameter(example = "2026-10") String month,
            @Valid RunDrawRequest request) {
        return draws.run(caller.staff(), month(month), request == null ? null : request.seed())
                .map(drawn -> RestResponse.ResponseBuilder.<DrawView> create(drawn.replayed() ? RestResponse.Status.OK
                        : RestResponse.Status.CREATED).entity(DrawView.of(drawn))
                        .header(Intake.REPLAYED_HEADER, String.valueOf(drawn.replayed())).build());
    }

    @GET
    @Path("{month}")
    @Operation(summary = "A month's draw: its seed, the eligible list's size and digest, the winners")
    public Uni<DrawView> get(@RestPath @Parameter(example = "2026-10") String month) {
        return draws.find(month(month)).map(DrawView::of);
    }

    @GET
    @Path("{month}/eligible")
    @Operation(summary = "A month's eligible customers, sorted, to recompute the draw")
    public Uni<PageView<String>> eligible(@RestPath @Parameter(example = "2026-10") String month,
            @Valid @BeanParam PageRequest page) {
        return draws.eligible(month(month), page.page, page.size)
                .map(found -> new PageView<>(found.items(), page.page, page.size, found.total()));
    }

    private static YearMonth month(String month) {
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ComplaintProblem.invalid("month", "must be a month as yyyy-MM, e.g. 2026-10");
        }
    }
}
