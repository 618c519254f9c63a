package io.careline.complaint.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

import io.careline.complaint.repository.Complaint.Channel;
import io.careline.complaint.service.ComplaintService;
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
@Tag(name = "My complaints", description = "A customer's own complaints (mobile app)")
public class MyComplaintsResource {

    private final ComplaintService complaints;
    private final Caller caller;

    public MyComplaintsResource(ComplaintService complaints, Caller caller) {
        this.complaints = complaints;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "File a complaint", description = "Its first reply is due within 48 hours. Send an "
            + "Idempotency-Key to make retries safe: the same key returns the complaint it filed first; the same key "
            + "with a different complaint is refused (422).")
    public Uni<RestResponse<ComplaintView>> file(@Valid @NotNull FileComplaintRequest request,
            @Parameter(description = "Up to 100 visible characters; unique per customer")
            @RestHeader(ComplaintService.IDEMPOTENCY_KEY_HEADER) @Pattern(regexp = "[\\x21-\\x7e]{1,100}", message = "must be 1 to 100 visible ASCII characters") String idempotencyKey) {
        // the channel is the client the customer signed in to, never something they claim
        Channel channel = caller.viaMobileApp() ? Channel.APP : Channel.WEB;
        return complaints.file(new FileComplaint(caller.customerId(), channel, request.category(),
                request.subject(), request.description(), idempotencyKey))
                .map(filed -> RestResponse.ResponseBuilder.<ComplaintView> created(URI.create("/api/v1/me/complaints/" + filed.complaint().id))
                        .entity(ComplaintView.of(filed.complaint()))
                        .header("Idempotent-Replayed", String.valueOf(filed.replayed()))
                        .build());
    }

    @GET
    @Operation(summary = "My complaints, newest first")
    public Uni<PageView<ComplaintView>> list(@Valid @BeanParam PageRequest request) {
        return complaints.pageOwned(caller.customerId(), request.page, request.size)
                .map(found -> new PageView<>(found.items().stream().map(ComplaintView::of).toList(), request.page,
                        request.size, found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my complaints")
    public Uni<ComplaintView> get(@RestPath UUID id) {
        return complaints.findOwned(caller.customerId(), id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no complaint " + id))
                .map(ComplaintView::of);
    }
}
