package io.careline.complaint.rest;

import java.util.UUID;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.complaint.repository.NetworkIncident;
import io.careline.complaint.rest.Requests.ResolveIncidentRequest;
import io.careline.complaint.rest.Views.IncidentReportView;
import io.careline.complaint.rest.Views.IncidentView;
import io.careline.complaint.service.ComplaintProblem;
import io.careline.complaint.service.NetworkService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/complaints/incidents")
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network incidents (staff)", description = "Customers' network reports grouped by place and time. Staff "
        + "confirm an incident (its reporters enter the month's draw) and resolve it (every reporter is told).")
public class IncidentsResource {

    private final NetworkService network;
    private final StaffCaller caller;

    public IncidentsResource(NetworkService network, StaffCaller caller) {
        this.network = network;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Incidents, latest report first", description = "?status=OPEN|CONFIRMED|RESOLVED")
    public Uni<PageView<IncidentView>> list(@Valid @BeanParam PageRequest page,
            @RestQuery @Parameter(example = "OPEN") String status) {
        return network.incidents(StaffComplaintsResource.parse(NetworkIncident.Status.class, "status", status), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(IncidentView::of).toList(), page.page, page.size,
                        found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident, with its numbers of reports and distinct reporters")
    public Uni<IncidentView> get(@RestPath UUID id) {
        return network.incident(id).onItem().ifNull().failWith(() -> ComplaintProblem.missing("no incident " + id))
                .map(IncidentView::of);
    }

    @GET
    @Path("{id}/reports")
    @Operation(summary = "An incident's reports, oldest first, with their customers")
    public Uni<PageView<IncidentReportView>> reports(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return network.incidentReports(id, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(IncidentReportView::of).toList(), page.page,
                        page.size, found.total()));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // nothing is read: any Content-Type, or none, is fine
    @Path("{id}/confirm")
    @Operation(summary = "Confirm the incident was real", description = "Its reporters become eligible for the draw of "
            + "the month their report happened in. Confirming again changes nothing.")
    public Uni<IncidentView> confirm(@RestPath UUID id) {
        return network.confirm(caller.staff(), id).map(IncidentView::of);
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolve the incident", description = "Confirms it if it was not; every distinct reporter gets "
            + "IncidentResolved (one event each, keyed by their customer id). Resolved already: 409 naming status.")
    public Uni<IncidentView> resolve(@RestPath UUID id, @Valid ResolveIncidentRequest request) {
        return network.resolve(caller.staff(), id, request == null ? null : request.resolution()).map(IncidentView::of);
    }
}
