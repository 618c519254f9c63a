package io.careline.claimcare.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.claimcare.service.ClaimClockReport;
import io.careline.claimcare.service.ProgrammeReport;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/reports")
@RolesAllowed({ Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care reports", description = "The programme's figures, proved from the service's own records")
public class ReportsResource {

    private final ClaimClockReport clock;
    private final ProgrammeReport programme;

    public ReportsResource(ClaimClockReport clock, ProgrammeReport programme) {
        this.clock = clock;
        this.programme = programme;
    }

    @GET
    @Path("visit-to-payment")
    @Operation(summary = "The visit-to-payment clock of the claims paid in a period", description = "Median, 90th "
            + "percentile and the share paid within the target (30 minutes by default) from the adjuster's visit to "
            + "payment; for green-channel claims, how fast they were paid from report and the share within the "
            + "same-day target. Minutes; null when nothing was measured.")
    public Uni<ClaimClockReport.Clock> visitToPayment(@Valid @BeanParam ReportPeriod period) {
        return Uni.createFrom().item(period::fromDate).chain(from -> clock.between(from, period.toDate()));
    }

    @GET
    @Path("programme")
    @Operation(summary = "The programme's figures for a period, per region", description = "Volunteers enrolled and "
            + "active, people in care, one-to-one activities (person-times) and people reached, group activities and "
            + "their attendance, beneficiaries by criterion, and how many days after payment care began. Without "
            + "region: the totals and byRegion.")
    public Uni<ProgrammeReport.Figures> programme(@Valid @BeanParam ReportPeriod period,
            @RestQuery @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a region code (lower case)") String region) {
        return Uni.createFrom().item(period::fromDate).chain(from -> programme.between(from, period.toDate(), region));
    }
}
