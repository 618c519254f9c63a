package io.careline.complaint.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.complaint.rest.Requests.NetworkReportRequest;
import io.careline.complaint.rest.Views.NetworkReportView;
import io.careline.complaint.service.NetworkService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Caller;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/network-reports")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My network reports", description = "A customer reports a network problem: its kind, place and time. "
        + "Reports close together are grouped into incidents; when staff resolve one, every reporter is told. "
        + "Reporters of a confirmed incident take part in that month's reward draw.")
public class MyNetworkReportsResource {

    private final NetworkService network;
    private final Caller caller;

    public MyNetworkReportsResource(NetworkService network, Caller caller) {
        this.network = network;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Report a network problem", description = "occurredAt no later than now and no earlier than "
            + "the configured maximum age (35 days); 400 naming it otherwise. The answer names the incident it joined.")
    public Uni<RestResponse<NetworkReportView>> report(@Valid @NotNull NetworkReportRequest request) {
        return network.report(new NetworkService.NewReport(caller.customerId(), request.kind(), request.latitude(),
                request.longitude(), blankToNull(request.cell()), blankToNull(request.area()), request.occurredAt()))
                .map(report -> RestResponse.ResponseBuilder.<NetworkReportView> created(
                        URI.create("/api/v1/me/network-reports/" + report.id)).entity(NetworkReportView.of(report)).build());
    }

    @GET
    @Operation(summary = "My network reports, newest first")
    public Uni<PageView<NetworkReportView>> list(@Valid @BeanParam PageRequest page) {
        return network.ownReports(caller.customerId(), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(NetworkReportView::of).toList(), page.page,
                        page.size, found.total()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
