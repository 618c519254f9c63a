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
import io.careline.complaint.rest.Requests.PartnerComplaintRequest;
import io.careline.complaint.rest.Views.ComplaintView;
import io.careline.complaint.service.Actor;
import io.careline.complaint.service.ComplaintService;
import io.careline.complaint.service.ComplaintWork;
import io.careline.complaint.service.FileComplaint;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/partner/v1/complaints")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner complaints", description = "Complaints partner systems file for their customers (client "
        + "credentials). The partner is its token's partner_id: a partner sees only what it filed; another's is a 404.")
public class PartnerComplaintsResource {

    static final String PATH = "/api/partner/v1/complaints";

    private final ComplaintService complaints;
    private final ComplaintWork work;
    private final Intake intake;
    private final StaffCaller caller;

    public PartnerComplaintsResource(ComplaintService complaints, ComplaintWork work, Intake intake, StaffCaller caller) {
        this.complaints = complaints;
        this.work = work;
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "File a complaint for a customer", description = "Channel PARTNER, entered by the partner. "
            + "The Idempotency-Key is the partner's own: the same key returns the complaint it filed first "
            + "(Idempotent-Replayed: true); with a different complaint, 422.")
    public Uni<RestResponse<ComplaintView>> file(@Valid @NotNull PartnerComplaintRequest request,
            @Parameter(description = "Up to 100 visible characters; unique per partner and customer")
            @RestHeader(ComplaintService.IDEMPOTENCY_KEY_HEADER) @Pattern(regexp = Intake.KEY_PATTERN, message = Intake.KEY_MESSAGE) String idempotencyKey) {
        Intake.checkOvercharge(request.category(), request.claimedOvercharge());
        Actor partner = caller.partner();
        String channel = intake.selfServiceChannel("PARTNER");
        return complaints.file(new FileComplaint(request.customerId(), channel, request.category(),
                request.priority() == null ? Priority.NORMAL : request.priority(), request.subject(),
                request.description(), Intake.attachments(request.attachments()), request.claimedOvercharge(),
                EnteredBy.PARTNER, partner.name(), partner.name(), null,
                idempotencyKey == null ? null : "partner:" + partner.name() + ":" + idempotencyKey))
                .map(filed -> intake.created(PATH, filed, ComplaintView.of(intake.json(), filed.complaint())));
    }

    @GET
    @Operation(summary = "Complaints this partner filed, newest first")
    public Uni<PageView<ComplaintView>> list(@Valid @BeanParam PageRequest page) {
        return complaints.pageFiledBy(caller.partner().name(), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(c -> ComplaintView.of(intake.json(), c)).toList(),
                        page.page, page.size, found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One complaint this partner filed", description = "With its status history and compensation, "
            + "as the customer sees them; another partner's complaint is a 404.")
    public Uni<ComplaintView> get(@RestPath UUID id) {
        return work.filedDetails(caller.partner().name(), id).map(details -> ComplaintView.of(intake.json(), details));
    }
}
