package io.careline.complaint.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.complaint.repository.Complaint.EnteredBy;
import io.careline.complaint.repository.Complaint.Priority;
import io.careline.complaint.rest.Requests.CustomerMessageRequest;
import io.careline.complaint.rest.Requests.CustomerReopenRequest;
import io.careline.complaint.rest.Requests.FileComplaintRequest;
import io.careline.complaint.rest.Views.ComplaintView;
import io.careline.complaint.rest.Views.CustomerMessage;
import io.careline.complaint.service.ComplaintService;
import io.careline.complaint.service.ComplaintWork;
import io.careline.complaint.service.FileComplaint;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Caller;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/complaints")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My complaints", description = "A customer's own complaints (mobile app, web). Anyone else's id is a 404. "
        + "Internal notes, staff names and staff reasons never appear here.")
public class MyComplaintsResource {

    static final String PATH = "/api/v1/me/complaints";

    private final ComplaintService complaints;
    private final ComplaintWork work;
    private final Intake intake;
    private final Caller caller;

    public MyComplaintsResource(ComplaintService complaints, ComplaintWork work, Intake intake, Caller caller) {
        this.complaints = complaints;
        this.work = work;
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "File a complaint", description = "Acknowledged at once by the system (status ACKNOWLEDGED); "
            + "its first reply by a person is due within 48 hours. The channel is the client the customer signed in to "
            + "(APP for the mobile app, WEB otherwise). A BILLING complaint may claim an overcharge. Attachments are "
            + "https references. Send an Idempotency-Key to make retries safe: the same key returns the complaint it "
            + "filed first (Idempotent-Replayed: true); the same key with a different complaint is refused (422).")
    public Uni<RestResponse<ComplaintView>> file(@Valid @NotNull FileComplaintRequest request,
            @Parameter(description = "Up to 100 visible characters; unique per customer")
            @RestHeader(ComplaintService.IDEMPOTENCY_KEY_HEADER) @Pattern(regexp = Intake.KEY_PATTERN, message = Intake.KEY_MESSAGE) String idempotencyKey) {
        Intake.checkOvercharge(request.category(), request.claimedOvercharge());
        // the channel is the client the customer signed in to, never something they claim
        String channel = intake.selfServiceChannel(caller.viaMobileApp() ? "APP" : "WEB");
        return complaints.file(new FileComplaint(caller.customerId(), channel, request.category(), Priority.NORMAL,
                request.subject(), request.description(), Intake.attachments(request.attachments()),
                request.claimedOvercharge(), EnteredBy.CUSTOMER, null, null, null, idempotencyKey))
                .map(filed -> intake.created(PATH, filed, ComplaintView.of(intake.json(), filed.complaint())));
    }

    @GET
    @Operation(summary = "My complaints, newest first")
    public Uni<PageView<ComplaintView>> list(@Valid @BeanParam PageRequest request) {
        return complaints.pageOwned(caller.customerId(), request.page, request.size)
                .map(found -> new PageView<>(found.items().stream().map(c -> ComplaintView.of(intake.json(), c)).toList(),
                        request.page, request.size, found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my complaints", description = "With its status history (no staff names or reasons) "
            + "and its compensation, if one was granted or awaits approval.")
    public Uni<ComplaintView> get(@RestPath UUID id) {
        return work.ownedDetails(caller.customerId(), id).map(details -> ComplaintView.of(intake.json(), details));
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "The conversation", description = "Public replies (from STAFF, or the SYSTEM's "
            + "acknowledgement) and my own messages, oldest first. Internal notes are never listed.")
    public Uni<PageView<CustomerMessage>> messages(@RestPath UUID id, @Valid @BeanParam PageRequest page) {
        return work.ownedMessages(caller.customerId(), id, page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(CustomerMessage::of).toList(), page.page,
                        page.size, found.total()));
    }

    @POST
    @Path("{id}/messages")
    @Operation(summary = "Answer", description = "A complaint WAITING_ON_CUSTOMER goes back IN_PROGRESS. A RESOLVED or "
            + "CLOSED complaint is a 409 naming status: reopen it first.")
    public Uni<RestResponse<CustomerMessage>> answer(@RestPath UUID id, @Valid @NotNull CustomerMessageRequest request) {
        return work.customerMessage(caller.customerId(), id, request.body())
                .map(message -> RestResponse.status(RestResponse.Status.CREATED, CustomerMessage.of(message)));
    }

    @POST
    @Path("{id}/reopen")
    @Operation(summary = "Reopen a resolved complaint", description = "Within the reopen window (14 days after "
            + "resolution by default) it goes back IN_PROGRESS; after it, or when not RESOLVED, 409 naming status.")
    public Uni<ComplaintView> reopen(@RestPath UUID id, @Valid CustomerReopenRequest request) {
        return work.customerReopen(caller.customerId(), id, request == null ? null : request.reason())
                .map(details -> ComplaintView.of(intake.json(), details));
    }
}
