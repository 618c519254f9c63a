package io.careline.complaint.rest;

import java.util.Arrays;
import java.util.Locale;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.complaint.repository.Compensation;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.EnteredBy;
import io.careline.complaint.repository.Complaint.Priority;
import io.careline.complaint.repository.Complaint.Status;
import io.careline.complaint.rest.Requests.AgentComplaintRequest;
import io.careline.complaint.rest.Requests.AssignRequest;
import io.careline.complaint.rest.Requests.BulkReassignRequest;
import io.careline.complaint.rest.Requests.NoteRequest;
import io.careline.complaint.rest.Requests.OverrideRequest;
import io.careline.complaint.rest.Requests.ReplyRequest;
import io.careline.complaint.rest.Requests.StatusRequest;
import io.careline.complaint.rest.Requests.SupervisorReopenRequest;
import io.careline.complaint.rest.Requests.VerifyCompensationRequest;
import io.careline.complaint.rest.Views.CompensationItem;
import io.careline.complaint.rest.Views.StaffCompensation;
import io.careline.complaint.rest.Views.StaffComplaintView;
import io.careline.complaint.rest.Views.StaffMessage;
import io.careline.complaint.service.Actor;
import io.careline.complaint.service.CompensationService;
import io.careline.complaint.service.ComplaintProblem;
import io.careline.complaint.service.ComplaintService;
import io.careline.complaint.service.ComplaintWork;
import io.careline.complaint.service.Details;
import io.careline.complaint.service.FileComplaint;
import io.careline.complaint.service.QueueFilter;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/complaints")
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints (staff)", description = "Agents work their own complaints and their team's (the token's team "
        + "claim); another team's complaint is a 404 to them. Supervisors and managers see everything. Writes that "
        + "answer with the complaint carry its version as an ETag: send it back as If-Match and a stale write is a "
        + "412; two writes racing on the same version, a 409.")
public class StaffComplaintsResource {

    static final String PATH = "/api/v1/complaints";

    private final ComplaintService complaints;
    private final ComplaintWork work;
    private final CompensationService compensations;
    private final Intake intake;
    private final StaffCaller caller;

    public StaffComplaintsResource(ComplaintService complaints, ComplaintWork work, CompensationService compensations,
            Intake intake, StaffCaller caller) {
        this.complaints = complaints;
        this.work = work;
        this.compensations = compensations;
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Operation(summary = "File a complaint on a customer's behalf", description = "For a customer who called (hotline), "
            + "texted (sms) or came to a kiosk: channel is one of the configured channels but app, web and partner "
            + "(400 naming channel otherwise). The agent is recorded as who entered it, and it lands in the agent's "
            + "team queue. The Idempotency-Key is the agent's own.")
    public Uni<RestResponse<StaffComplaintView>> file(@Valid @NotNull AgentComplaintRequest request,
            @Parameter(description = "Up to 100 visible characters; unique per agent and customer")
            @RestHeader(ComplaintService.IDEMPOTENCY_KEY_HEADER) @Pattern(regexp = Intake.KEY_PATTERN, message = Intake.KEY_MESSAGE) String idempotencyKey) {
        String channel = intake.agentChannel(request.channel());
        Intake.checkOvercharge(request.category(), request.claimedOvercharge());
        Actor agent = caller.staff();
        return complaints.file(new FileComplaint(request.customerId(), channel, request.category(),
                request.priority() == null ? Priority.NORMAL : request.priority(), request.subject(),
                request.description(), Intake.attachments(request.attachments()), request.claimedOvercharge(),
                EnteredBy.AGENT, agent.name(), null, agent.team(),
                idempotencyKey == null ? null : "agent:" + agent.name() + ":" + idempotencyKey))
                .map(filed -> intake.created(PATH, filed, StaffComplaintView.of(intake.json(), filed.complaint(), agent)));
    }

    @GET
    @Operation(summary = "A queue, most urgent first", description = "Open complaints (or those of ?status=) the caller "
            + "may work, ordered by the first-reply target while unanswered, else the resolution target (none last), "
            + "then by receipt. ?assignee=me for mine, a user name, or none for unassigned; ?team=north; filters "
            + "category, priority, channel, overdue=true|false; q searches reference, subject and customer id.")
    public Uni<PageView<StaffComplaintView>> queue(@Valid @BeanParam PageRequest page,
            @RestQuery @Parameter(example = "me") @Size(max = 64) String assignee,
            @RestQuery @Parameter(example = "north") @Size(max = 64) String team,
            @RestQuery @Parameter(example = "IN_PROGRESS") String status,
            @RestQuery @Parameter(example = "BILLING") String category,
            @RestQuery @Parameter(example = "URGENT") String priority,
            @RestQuery @Parameter(example = "hotline") @Size(max = 32) String channel,
            @RestQuery @Parameter(example = "true") @Pattern(regexp = "true|false", message = "must be true or false") String overdue,
            @RestQuery @Parameter(example = "CMP-7K2M") @Size(min = 1, max = 100) String q) {
        QueueFilter filter = new QueueFilter(blankToNull(assignee), blankToNull(team), parse(Status.class, "status", status),
                parse(Category.class, "category", category), parse(Priority.class, "priority", priority),
                channel == null || channel.isBlank() ? null : channel.strip().toUpperCase(Locale.ROOT),
                overdue == null ? null : Boolean.valueOf(overdue), blankToNull(q));
        Actor staff = caller.staff();
        return work.queue(staff, filter, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(c -> StaffComplaintView.of(intake.json(), c, staff)).toList(),
                        page.page, page.size, found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One complaint, whole", description = "With its audit trail (who, role, when, from, to, why) "
            + "and its compensation. ETag: its version.")
    public Uni<RestResponse<StaffComplaintView>> get(@RestPath UUID id) {
        Actor staff = caller.staff();
        return work.staffDetails(staff, id).map(details -> withETag(details, staff));
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "The whole conversation", description = "Public replies, the customer's messages and internal "
            + "notes, oldest first.")
    public Uni<PageView<StaffMessage>> messages(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return work.staffMessages(caller.staff(), id, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(StaffMessage::of).toList(), page.page, page.size,
                        found.total()));
    }

    @POST
    @Path("{id}/replies")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Operation(summary = "Reply to the customer (public)", description = "The first public reply by a person stops the "
            + "first-reply clock. An ACKNOWLEDGED complaint goes IN_PROGRESS; awaitCustomer=true leaves it "
            + "WAITING_ON_CUSTOMER. Announced by ComplaintReplied (without its text). CLOSED: 409 naming status.")
    public Uni<RestResponse<StaffMessage>> reply(@RestPath UUID id, @Valid @NotNull ReplyRequest request) {
        return work.reply(caller.staff(), id, request.body(), Boolean.TRUE.equals(request.awaitCustomer()))
                .map(message -> RestResponse.status(RestResponse.Status.CREATED, StaffMessage.of(message)));
    }

    @POST
    @Path("{id}/notes")
    @Operation(summary = "Add an internal note", description = "Staff only: no customer or partner endpoint and no "
            + "event ever carries it.")
    public Uni<RestResponse<StaffMessage>> note(@RestPath UUID id, @Valid @NotNull NoteRequest request) {
        return work.note(caller.staff(), id, request.body())
                .map(message -> RestResponse.status(RestResponse.Status.CREATED, StaffMessage.of(message)));
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Operation(summary = "Move along the lifecycle", description = "ACKNOWLEDGED → IN_PROGRESS | WAITING_ON_CUSTOMER | "
            + "RESOLVED; IN_PROGRESS → WAITING_ON_CUSTOMER | RESOLVED; WAITING_ON_CUSTOMER → IN_PROGRESS | RESOLVED; "
            + "RESOLVED → CLOSED. Anything else: 409 naming status (a supervisor's override can).")
    public Uni<RestResponse<StaffComplaintView>> status(@RestPath UUID id, @Valid @NotNull StatusRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor staff = caller.staff();
        return work.changeStatus(staff, id, version(ifMatch), request.status(), request.reason())
                .map(details -> withETag(details, staff));
    }

    @POST
    @Path("{id}/assignment")
    @Operation(summary = "Assign to an agent and/or a team", description = "At least one of assignee and team "
            + "(400 naming assignee otherwise).")
    public Uni<RestResponse<StaffComplaintView>> assign(@RestPath UUID id, @Valid @NotNull AssignRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        if (request.assignee() == null && request.team() == null) {
            throw ComplaintProblem.invalid("assignee", "or team must be given");
        }
        Actor staff = caller.staff();
        return work.assign(staff, id, version(ifMatch), request.assignee(), request.team(), request.reason())
                .map(details -> withETag(details, staff));
    }

    @POST
    @Path("{id}/override")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Override status and/or priority (supervisor)", description = "Any status, any priority, "
            + "with a mandatory reason kept in the audit trail (never shown to the customer).")
    public Uni<RestResponse<StaffComplaintView>> override(@RestPath UUID id, @Valid @NotNull OverrideRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        if (request.status() == null && request.priority() == null) {
            throw ComplaintProblem.invalid("status", "or priority must be given");
        }
        Actor staff = caller.staff();
        return work.override(staff, id, version(ifMatch), request.status(), request.priority(), request.reason())
                .map(details -> withETag(details, staff));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Reopen a resolved or closed complaint (supervisor)", description = "Whenever it was "
            + "resolved; back IN_PROGRESS, with a mandatory reason.")
    public Uni<RestResponse<StaffComplaintView>> reopen(@RestPath UUID id, @Valid @NotNull SupervisorReopenRequest request,
            @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor staff = caller.staff();
        return work.supervisorReopen(staff, id, version(ifMatch), request.reason()).map(details -> withETag(details, staff));
    }

    public record BulkReassigned(int reassigned) {
    }

    @POST
    @Path("bulk-reassign")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Reassign many complaints at once (supervisor)", description = "Up to 200 ids, all or nothing "
            + "in one transaction: an unknown id is a 400 naming it (ids[3]) and nothing changes.")
    public Uni<BulkReassigned> bulkReassign(@Valid @NotNull BulkReassignRequest request) {
        if (request.assignee() == null && request.team() == null) {
            throw ComplaintProblem.invalid("assignee", "or team must be given");
        }
        return work.bulkReassign(caller.staff(), request.ids(), request.assignee(), request.team(), request.reason())
                .map(BulkReassigned::new);
    }

    @GET
    @Path("compensations")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Compensations awaiting approval (supervisor)", description = "?status=AWAITING_APPROVAL "
            + "(default) or GRANTED, oldest verification first, each with its complaint, the amounts, who verified "
            + "(requestedBy) and when. Nobody's are left out: approving one's own is refused at approval (403).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "one awaiting", value = """
                    {"items":[{"id":"7d1c5b0e-3f0a-4c55-9a61-2b8e0f6d1a42","complaintId":"0f3e6d9a-1c2b-4e5f-8a7b-6c5d4e3f2a1b",
                    "reference":"CMP-7K2M9Q4X","status":"AWAITING_APPROVAL","verifiedAmount":750.00,"refundAmount":750.00,
                    "rewardAmount":750.00,"currency":"EUR","evidence":"invoice 2026-10 line 4 charged twice",
                    "requestedBy":"agnes","requestedAt":"2026-11-02T09:30:00Z","approvedBy":null,"grantedAt":null}],
                    "page":0,"size":20,"total":1}""")))
    public Uni<PageView<CompensationItem>> compensations(@Valid @BeanParam PageRequest page,
            @RestQuery @Parameter(example = "AWAITING_APPROVAL") String status) {
        Compensation.Status wanted = status == null || status.isBlank() ? Compensation.Status.AWAITING_APPROVAL
                : parse(Compensation.Status.class, "status", status);
        return compensations.page(wanted, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(CompensationItem::of).toList(), page.page, page.size,
                        found.total()));
    }

    @POST
    @Path("{id}/compensation")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Operation(summary = "Verify an overcharge (overcharge one, reward one)", description = "BILLING complaints only "
            + "(409 naming category). Refund = reward = the verified amount. Up to the threshold (500.00) it is granted "
            + "at once (CompensationGranted); above it, it awaits a supervisor's approval. One per complaint: the same "
            + "amount again answers 200 with the same compensation; another amount, 409 naming verifiedAmount.")
    public Uni<RestResponse<StaffCompensation>> verify(@RestPath UUID id, @Valid @NotNull VerifyCompensationRequest request) {
        return compensations.verify(caller.staff(), id, request.verifiedAmount(), request.evidence())
                .map(outcome -> RestResponse.ResponseBuilder.<StaffCompensation> create(outcome.replayed()
                        ? RestResponse.Status.OK : RestResponse.Status.CREATED)
                        .entity(StaffCompensation.of(outcome.compensation()))
                        .header(Intake.REPLAYED_HEADER, String.valueOf(outcome.replayed())).build());
    }

    @POST
    @Consumes(MediaType.WILDCARD) // nothing is read: any Content-Type, or none, is fine
    @Path("{id}/compensation/approval")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Approve a compensation (supervisor, four eyes)", description = "Grants it "
            + "(CompensationGranted). Whoever verified it may not approve it: 403 saying so. Approving a granted one "
            + "answers with it, unchanged.")
    public Uni<StaffCompensation> approve(@RestPath UUID id) {
        return compensations.approve(caller.staff(), id).map(outcome -> StaffCompensation.of(outcome.compensation()));
    }

    private RestResponse<StaffComplaintView> withETag(Details details, Actor staff) {
        return RestResponse.ResponseBuilder.ok(StaffComplaintView.of(intake.json(), details, staff))
                .header(HttpHeaders.ETAG, "\"" + details.complaint().version + "\"").build();
    }

    /** The version an If-Match names ("3", W/"3" or 3); none: the write is not conditional. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ComplaintProblem.invalid(HttpHeaders.IF_MATCH, "must be the complaint's ETag, e.g. \"3\"");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ComplaintProblem.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
