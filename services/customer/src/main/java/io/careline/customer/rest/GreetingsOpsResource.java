package io.careline.customer.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.service.CustomerProblem;
import io.careline.customer.service.GreetingJob;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Operators run the greetings now rather than at the next scheduled run, or as of an earlier moment to make up a day
 * the job missed (an outage): each greeting is still announced once per occasion and year.
 */
@Path("/api/v1/ops/customer/greetings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations (admin)")
public class GreetingsOpsResource {

    /** How far back a run may be made up: a week's outage. */
    static final Duration CATCH_UP = Duration.ofDays(7);

    private final GreetingJob job;
    private final Clock clock;

    public GreetingsOpsResource(GreetingJob job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    public record Started(boolean started) {
    }

    @POST
    @Path("run")
    @Operation(summary = "Run the greetings now, or as of an earlier moment", description = "202: started in the "
            + "background on this replica; each greeting due is announced once, whoever runs it. `at` (ISO-8601 instant, "
            + "at most 7 days back, not in the future): greet those who were due then, e.g. a birthday missed during an "
            + "outage. 409 (type greetings-running) while a run is in progress here.")
    public Uni<RestResponse<Started>> run(@RestQuery String at) {
        Instant asOf;
        try {
            asOf = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(CustomerProblem.invalid("at", "must be an ISO-8601 instant, e.g. 2026-11-21T12:00:00Z"));
        }
        Instant now = clock.instant();
        if (asOf != null && (asOf.isAfter(now) || asOf.isBefore(now.minus(CATCH_UP)))) {
            return Uni.createFrom().failure(CustomerProblem.invalid("at", "must be in the last 7 days, not in the future"));
        }
        if (!job.trigger(asOf)) {
            return Uni.createFrom().failure(CustomerProblem.conflict("greetings-running", null,
                    "a greetings run is in progress on this replica; it announces what is due"));
        }
        return Uni.createFrom().item(RestResponse.accepted(new Started(true)));
    }
}
