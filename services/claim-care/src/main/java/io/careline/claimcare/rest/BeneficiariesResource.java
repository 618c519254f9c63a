package io.careline.claimcare.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.Beneficiary.ConsentDecision;
import io.careline.claimcare.repository.Beneficiary.ConsentGivenBy;
import io.careline.claimcare.repository.HealthReadAudit;
import io.careline.claimcare.rest.CareViews.ActivityRequest;
import io.careline.claimcare.rest.CareViews.ActivityView;
import io.careline.claimcare.rest.CareViews.AssignRequest;
import io.careline.claimcare.rest.CareViews.AssignmentView;
import io.careline.claimcare.rest.CareViews.EndRequest;
import io.careline.claimcare.rest.CareViews.MatchView;
import io.careline.claimcare.rest.CareViews.PlanRequest;
import io.careline.claimcare.rest.CareViews.PlanView;
import io.careline.claimcare.service.AssignmentService;
import io.careline.claimcare.service.BeneficiaryService;
import io.careline.claimcare.service.CareService;
import io.careline.claimcare.service.MatchingService;
import io.careline.claimcare.service.HealthCondition;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Beneficiaries", description = "People proposed for care after a paid claim, their matching, assignment "
        + "and one-to-one care. Coordinators see everyone; a volunteer sees only the people assigned to them (anyone "
        + "else is 404).")
public class BeneficiariesResource {

    private static final String STATUSES = "PROPOSED|CONSENTED|REFUSED|IN_CARE|ENDED";

    private final BeneficiaryService beneficiaries;
    private final MatchingService matching;
    private final AssignmentService assignments;
    private final CareService care;
    private final StaffCaller caller;

    public BeneficiariesResource(BeneficiaryService beneficiaries, MatchingService matching, AssignmentService assignments,
            CareService care, StaffCaller caller) {
        this.beneficiaries = beneficiaries;
        this.matching = matching;
        this.assignments = assignments;
        this.care = care;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "Beneficiaries, newest proposal first", description = "A volunteer gets those assigned to them.")
    public Uni<PageView<BeneficiaryView>> list(@Valid @BeanParam PageRequest page,
            @RestQuery @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status) {
        return beneficiaries.page(caller.reader(), status == null ? null : Beneficiary.Status.valueOf(status), page.page,
                page.size)
                .map(found -> new PageView<>(found.items().stream().map(BeneficiaryView::of).toList(), page.page,
                        page.size, found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "One beneficiary")
    public Uni<BeneficiaryView> get(@RestPath UUID id) {
        return beneficiaries.find(caller.reader(), id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no beneficiary " + id))
                .map(BeneficiaryView::of);
    }

    public record HealthView(Set<HealthCondition> conditions, String notes) {
    }

    @GET
    @Path("{id}/health")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "The beneficiary's health data", description = "The most sensitive data in the system: "
            + "decrypted for a coordinator or a volunteer assigned to this person, and every read is recorded.")
    public Uni<HealthView> health(@RestPath UUID id) {
        return beneficiaries.readHealth(caller.reader(), id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no beneficiary " + id))
                .map(health -> new HealthView(health.conditions(), health.notes()));
    }

    public record HealthReadView(String reader, String readerRole, String purpose, Instant readAt) {
        static HealthReadView of(HealthReadAudit audit) {
            return new HealthReadView(audit.reader, audit.readerRole, audit.purpose.name(), audit.readAt);
        }
    }

    @GET
    @Path("{id}/health-reads")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Who read this beneficiary's health data, newest first")
    public Uni<PageView<HealthReadView>> healthReads(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return beneficiaries.healthReads(id, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(HealthReadView::of).toList(), page.page,
                        page.size, found.total()));
    }

    @Schema(description = "Consent to care, given or refused; a minor's is their guardian's", example = """
            {"decision":"GIVEN","givenBy":"GUARDIAN","guardianName":"Alice Schmidt"}""")
    public record ConsentRequest(@NotNull ConsentDecision decision, @NotNull ConsentGivenBy givenBy,
            @Size(max = 200) String guardianName) {
    }

    @POST
    @Path("{id}/consent")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Record the beneficiary's (or their guardian's) consent", description = "Care begins only "
            + "with consent. For a minor givenBy must be GUARDIAN (422 otherwise); a guardian is named.")
    public Uni<BeneficiaryView> consent(@RestPath UUID id, @Valid @NotNull ConsentRequest request) {
        return beneficiaries.recordConsent(id, request.decision(), request.givenBy(), request.guardianName(),
                caller.username()).map(BeneficiaryView::of);
    }

    @GET
    @Path("{id}/matches")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Volunteers ranked for this beneficiary, with the reasons", description = "Continuity (cared "
            + "for this person, or their household, before), region, language, the skills needed and free capacity. "
            + "Volunteers who cannot take anyone on are last, with blockedReason.")
    public Uni<PageView<MatchView>> matches(@RestPath UUID id, @Valid @BeanParam PageRequest page,
            @RestQuery @Pattern(regexp = "[a-z0-9-]{1,24}(,[a-z0-9-]{1,24}){0,9}", message = "must be up to 10 skill codes, comma-separated")
            String skills) {
        Set<String> needed = skills == null ? Set.of() : Arrays.stream(skills.split(",")).collect(Collectors.toSet());
        return matching.rank(id, needed).map(ranked -> new PageView<>(ranked.stream()
                .skip((long) page.page * page.size).limit(page.size)
                .map(m -> new MatchView(m.volunteer().id, m.volunteer().fullName, m.volunteer().kind.name(),
                        m.volunteer().region, m.score(), m.reasons(), m.load(), m.volunteer().capacity, m.blockedReason()))
                .toList(), page.page, page.size, ranked.size()));
    }

    @POST
    @Path("{id}/assignments")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Assign a volunteer to a beneficiary", description = "Only after consent (409 before). "
            + "Refused (422, naming volunteerId and why) when the volunteer's training or background check expired, "
            + "they are paused or left, or are full. A minor's first assignment needs safeguarding: TWO_VOLUNTEERS or "
            + "GUARDIAN_PRESENT.")
    public Uni<RestResponse<AssignmentView>> assign(@RestPath UUID id, @Valid @NotNull AssignRequest request) {
        return assignments.assign(id, request.volunteerId(), request.safeguarding(), caller.username())
                .map(a -> RestResponse.status(RestResponse.Status.CREATED, AssignmentView.of(a)));
    }

    @PUT
    @Path("{id}/plan")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Set the care plan's cadence", description = "The next visit falls due a cadence after the "
            + "last in-person activity (or from now). A missed visit raises CareVisitOverdue, once, to the assigned "
            + "volunteers and the coordinators.")
    public Uni<PlanView> setPlan(@RestPath UUID id, @Valid @NotNull PlanRequest request) {
        return care.setPlan(id, request.cadenceDays()).map(PlanView::of);
    }

    @GET
    @Path("{id}/plan")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "The care plan")
    public Uni<PlanView> plan(@RestPath UUID id) {
        return care.plan(caller.reader(), id).onItem().ifNull().failWith(() -> new NotFoundException("no care plan for " + id))
                .map(PlanView::of);
    }

    @POST
    @Path("{id}/activities")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Record a visit, call, errand or help with paperwork", description = "By a volunteer "
            + "assigned to the person (404 otherwise). For a minor, an in-person activity needs the second volunteer "
            + "or the guardian present, as the care's safeguarding says (422 otherwise).")
    public Uni<RestResponse<ActivityView>> record(@RestPath UUID id, @Valid @NotNull ActivityRequest request) {
        return care.record(caller.username(), id, new CareService.NewActivity(request.kind(), request.occurredAt(),
                request.durationMinutes(), request.notes(), request.needsFound(), request.secondVolunteerId(),
                request.guardianPresent()))
                .map(a -> RestResponse.status(RestResponse.Status.CREATED, ActivityView.of(a)));
    }

    @GET
    @Path("{id}/activities")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "The person's one-to-one activities, newest first")
    public Uni<PageView<ActivityView>> activities(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return care.activities(caller.reader(), id, page.page, page.size)
                .onItem().ifNull().failWith(() -> new NotFoundException("no beneficiary " + id))
                .map(found -> new PageView<>(found.items().stream().map(ActivityView::of).toList(), page.page, page.size,
                        found.total()));
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "End the person's care, with a reason", description = "Care goes on after the claim is "
            + "closed until a coordinator ends it; its assignments end and nothing falls overdue any more.")
    public Uni<BeneficiaryView> end(@RestPath UUID id, @Valid @NotNull EndRequest request) {
        return care.end(id, request.reason()).map(BeneficiaryView::of);
    }
}
