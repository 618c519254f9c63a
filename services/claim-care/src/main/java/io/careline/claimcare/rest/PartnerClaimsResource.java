package io.careline.claimcare.rest;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.claimcare.repository.Claim.Status;
import io.careline.claimcare.rest.PartnerClaimRequests.Assessed;
import io.careline.claimcare.rest.PartnerClaimRequests.DocumentsCollected;
import io.careline.claimcare.rest.PartnerClaimRequests.Paid;
import io.careline.claimcare.rest.PartnerClaimRequests.Rejected;
import io.careline.claimcare.rest.PartnerClaimRequests.Reported;
import io.careline.claimcare.service.ClaimRecord;
import io.careline.claimcare.service.ClaimService;
import io.careline.claimcare.service.PartnerEvent;
import io.careline.claimcare.service.RequestFingerprint;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/partner/v1/claims")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner claims", description = "Claim lifecycle events from insurers (client credentials). A partner "
        + "reaches only claims under the partner_id of its token; another partner's claim is 404. Each event carries "
        + "the partner's own eventId: a retry with the same body is answered 200 with Idempotent-Replayed: true and "
        + "applied once; the same eventId with another body is refused (422).")
public class PartnerClaimsResource {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ClaimService claims;
    private final RequestFingerprint fingerprints;
    private final StaffCaller caller;

    public PartnerClaimsResource(ClaimService claims, RequestFingerprint fingerprints, StaffCaller caller) {
        this.claims = claims;
        this.fingerprints = fingerprints;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "A claim was reported", description = "201 with the claim; 409 if this claim number was "
            + "already reported under another eventId.")
    public Uni<RestResponse<ClaimView>> report(@Valid @NotNull Reported request) {
        PartnerEvent event = event(request.claimRef(), request.eventId(), Status.REPORTED, request.occurredAt(), request);
        return claims.report(event, request.customerId().strip(), request.description(), request.greenChannel())
                .map(record -> RestResponse.ResponseBuilder.<ClaimView> create(record.replayed() ? RestResponse.Status.OK
                        : RestResponse.Status.CREATED)
                        .location(URI.create("/api/partner/v1/claims/" + record.claim().partnerClaimRef))
                        .entity(ClaimView.of(record))
                        .header(REPLAYED_HEADER, String.valueOf(record.replayed()))
                        .build());
    }

    @POST
    @Path("{claimRef}/documents-collected")
    @Operation(summary = "The adjuster visited and collected the documents", description = "Starts the "
            + "visit-to-payment clock.")
    public Uni<RestResponse<ClaimView>> documentsCollected(@RestPath @Pattern(regexp = PartnerClaimRequests.CLAIM_REF,
            message = PartnerClaimRequests.CLAIM_REF_MESSAGE) String claimRef, @Valid @NotNull DocumentsCollected request) {
        return answer(claims.documentsCollected(event(claimRef, request.eventId(), Status.DOCUMENTS_COLLECTED,
                request.occurredAt(), request)));
    }

    @POST
    @Path("{claimRef}/assessment")
    @Operation(summary = "The claim was assessed")
    public Uni<RestResponse<ClaimView>> assessed(@RestPath @Pattern(regexp = PartnerClaimRequests.CLAIM_REF,
            message = PartnerClaimRequests.CLAIM_REF_MESSAGE) String claimRef, @Valid @NotNull Assessed request) {
        return answer(claims.assessed(event(claimRef, request.eventId(), Status.ASSESSED, request.occurredAt(), request),
                request.amount(), request.currency()));
    }

    @POST
    @Path("{claimRef}/payment")
    @Operation(summary = "The claim was paid", description = "Stops the visit-to-payment clock. The beneficiary is "
            + "checked against the programme's criteria (critical or chronic illness, disability, a minor) and, if "
            + "eligible, proposed for care; their health data is stored encrypted.")
    public Uni<RestResponse<ClaimView>> paid(@RestPath @Pattern(regexp = PartnerClaimRequests.CLAIM_REF,
            message = PartnerClaimRequests.CLAIM_REF_MESSAGE) String claimRef, @Valid @NotNull Paid request) {
        return answer(claims.paid(event(claimRef, request.eventId(), Status.PAID, request.occurredAt(), request),
                request.amount(), request.currency(), request.beneficiary().toPaid()));
    }

    @POST
    @Path("{claimRef}/rejection")
    @Operation(summary = "The claim was rejected")
    public Uni<RestResponse<ClaimView>> rejected(@RestPath @Pattern(regexp = PartnerClaimRequests.CLAIM_REF,
            message = PartnerClaimRequests.CLAIM_REF_MESSAGE) String claimRef, @Valid @NotNull Rejected request) {
        return answer(claims.rejected(event(claimRef, request.eventId(), Status.REJECTED, request.occurredAt(), request),
                request.reason().strip()));
    }

    @GET
    @Operation(summary = "This partner's claims, newest first")
    public Uni<PageView<ClaimView>> list(@Valid @BeanParam PageRequest page) {
        return claims.pageForPartner(caller.partnerId(), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(ClaimView::summary).toList(), page.page,
                        page.size, found.total()));
    }

    @GET
    @Path("{claimRef}")
    @Operation(summary = "One of this partner's claims, with its timeline")
    public Uni<ClaimView> get(@RestPath String claimRef) {
        return claims.findForPartner(caller.partnerId(), claimRef)
                .onItem().ifNull().failWith(() -> new NotFoundException("no claim " + claimRef))
                .map(ClaimView::of);
    }

    private PartnerEvent event(String claimRef, String eventId, Status type, Instant occurredAt, Object request) {
        // PostgreSQL keeps microseconds: what is stored is what a replay compares and answers
        return new PartnerEvent(caller.partnerId(), claimRef, eventId, type, occurredAt.truncatedTo(ChronoUnit.MICROS),
                fingerprints.of(type.name(), claimRef, request));
    }

    private static Uni<RestResponse<ClaimView>> answer(Uni<ClaimRecord> applied) {
        return applied.map(record -> RestResponse.ResponseBuilder.ok(ClaimView.of(record))
                .header(REPLAYED_HEADER, String.valueOf(record.replayed()))
                .build());
    }
}
