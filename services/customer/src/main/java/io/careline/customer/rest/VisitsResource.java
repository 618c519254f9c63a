package io.careline.customer.rest;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.FollowUpStatus;
import io.careline.customer.rest.SurveyViews.SatisfactionView;
import io.careline.customer.rest.SurveyViews.SurveyView;
import io.careline.customer.rest.VisitViews.FollowUpView;
import io.careline.customer.rest.VisitViews.OfficerView;
import io.careline.customer.rest.VisitViews.VisitView;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.VisitReport;
import io.careline.customer.service.VisitService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up visits", description = "Supervisors make an officer (an agent) responsible for a customer; the "
        + "officer visits them at least once per period, records the questionnaire and the customer's confirmation, and "
        + "follows up each need flagged until it is completed. Care staff read the customer's satisfaction.")
public class VisitsResource {

    private final VisitService visits;
    private final CustomerService customers;
    private final TokenClaims claims;
    private final SecurityIdentity identity;

    public VisitsResource(VisitService visits, CustomerService customers, TokenClaims claims, SecurityIdentity identity) {
        this.visits = visits;
        this.customers = customers;
        this.claims = claims;
        this.identity = identity;
    }

    public record Assignment(@NotNull @Pattern(regexp = "^[a-z0-9._-]{1,64}$", message = "must be an agent's user name") String officer) {
    }

    public record FollowUpUpdate(@NotNull FollowUpStatus status, @Size(max = 500) String note) {
    }

    @PUT
    @Path("officer")
    @RolesAllowed(Roles.SUPERVISOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an officer responsible for the customer", description = "The customer owes a visit in "
            + "every period that starts after this; the supervisor is told, with the officer, of a visit overdue.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "agnes", value = """
            {"officer": "agnes"}""")))
    public Uni<OfficerView> assign(@RestPath String id, @Valid @NotNull Assignment assignment) {
        return visits.assign(id, assignment.officer(), claims.username()).map(OfficerView::of);
    }

    @POST
    @Path("visits")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a visit", description = "By the customer's officer (another agent: 403) or a "
            + "supervisor. Each need flagged opens a follow-up offer; the customer is asked for their satisfaction. "
            + "Announced by VisitRecorded (without the answers).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a monthly visit", value = """
            {"visitedAt": "2026-11-20T10:15:00Z",
             "answers": [{"question": "How is the business going?", "answer": "Slow since the market moved"}],
             "needs": [{"category": "financial", "note": "wants to restructure the loan"}],
             "confirmation": {"method": "signature", "reference": "scan-4711"}}""")))
    public Uni<RestResponse<VisitView>> record(@RestPath String id, @Valid @NotNull VisitReport report) {
        return visits.record(id, report, claims.username(), identity.hasRole(Roles.SUPERVISOR))
                .chain(visit -> existing(id).map(customer -> VisitView.of(visit, customer)))
                .map(view -> RestResponse.ResponseBuilder.<VisitView> created(
                        URI.create("/api/v1/customers/" + id + "/visits/" + view.id())).entity(view).build());
    }

    @GET
    @Path("visits")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's visits, newest first, with the follow-ups each opened")
    public Uni<PageView<VisitView>> list(@RestPath String id, @Valid @BeanParam PageRequest page) {
        return existing(id).map(customer -> page(customer.visits.stream()
                .sorted(Comparator.comparing((Customer.Visit visit) -> visit.visitedAt).reversed())
                .map(visit -> VisitView.of(visit, customer)).toList(), page));
    }

    @GET
    @Path("follow-ups")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's follow-up offers, open ones first, then newest first")
    public Uni<PageView<FollowUpView>> followUps(@RestPath String id, @Valid @BeanParam PageRequest page) {
        return existing(id).map(customer -> page(customer.followUps.stream()
                .sorted(Comparator.comparing((Customer.FollowUp followUp) -> followUp.status == FollowUpStatus.completed)
                        .thenComparing(followUp -> followUp.openedAt, Comparator.reverseOrder()))
                .map(FollowUpView::of).toList(), page));
    }

    @PUT
    @Path("follow-ups/{fid}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a follow-up offer on", description = "open, in_progress or completed; a completed one "
            + "stays completed (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "done", value = """
            {"status": "completed", "note": "loan restructured on 2026-11-25"}""")))
    public Uni<FollowUpView> updateFollowUp(@RestPath String id, @RestPath String fid, @Valid @NotNull FollowUpUpdate update) {
        return visits.updateFollowUp(id, fid, update.status(), update.note(), claims.username()).map(FollowUpView::of);
    }

    @GET
    @Path("satisfaction")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's satisfaction", description = "The score now (0-100, the mean of the latest "
            + "survey answers), its zone (at_risk, indifferent, loyal) and its history.")
    public Uni<SatisfactionView> satisfaction(@RestPath String id) {
        return existing(id).map(SatisfactionView::of);
    }

    @GET
    @Path("surveys")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's surveys, open ones first, then newest first")
    public Uni<PageView<SurveyView>> surveys(@RestPath String id, @Valid @BeanParam PageRequest page) {
        return existing(id).map(customer -> page(SurveyViews.surveys(customer), page));
    }

    private Uni<Customer> existing(String id) {
        return customers.get(id).onItem().ifNull().failWith(() -> new NotFoundException("there is no customer " + id));
    }

    static <T> PageView<T> page(List<T> all, PageRequest page) {
        int from = (int) Math.min((long) page.page * page.size, all.size());
        return new PageView<>(all.subList(from, Math.min(from + page.size, all.size())), page.page, page.size, all.size());
    }
}
