package io.careline.claimcare.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

import io.careline.claimcare.repository.Volunteer;
import io.careline.claimcare.service.VolunteerProfile;
import io.careline.claimcare.service.VolunteerService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/volunteers")
@RolesAllowed(Roles.COORDINATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers", description = "The volunteer registry (coordinators)")
public class VolunteersResource {

    private static final String STATUSES = "ACTIVE|PAUSED|LEFT";

    private final VolunteerService volunteers;

    public VolunteersResource(VolunteerService volunteers) {
        this.volunteers = volunteers;
    }

    @Schema(description = "A volunteer's record", example = """
            {"username":"victor","fullName":"Victor Brandt","kind":"CLAIMS_INVESTIGATOR","region":"north",
             "languages":["de","en"],"skills":["visits","paperwork"],"availability":"weekday evenings","capacity":4,
             "trainingExpiresOn":"2027-06-30","backgroundCheckExpiresOn":"2028-01-31"}""")
    public record VolunteerRequest(
            @Pattern(regexp = "[a-z0-9._-]{1,100}", message = "must be a sign-in name (lower case)") String username,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Volunteer.Kind kind,
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a region code (lower case)") String region,
            @NotNull @Size(min = 1, max = 10) Set<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be ISO 639-1 codes") String> languages,
            @NotNull @Size(max = 20) Set<@NotNull @Pattern(regexp = "[a-z0-9-]{1,24}", message = "must be skill codes (lower case)") String> skills,
            @Size(max = 200) String availability,
            @Min(0) @Max(50) int capacity,
            LocalDate trainingExpiresOn,
            LocalDate backgroundCheckExpiresOn) {

        VolunteerProfile profile() {
            return new VolunteerProfile(username, fullName, kind, region, languages, skills, availability, capacity,
                    trainingExpiresOn, backgroundCheckExpiresOn);
        }
    }

    public record VolunteerView(UUID id, String username, String fullName, String kind, String region,
            Set<String> languages, Set<String> skills, String availability, int capacity, LocalDate trainingExpiresOn,
            LocalDate backgroundCheckExpiresOn, String status, Instant enrolledAt, Instant leftAt) {

        static VolunteerView of(Volunteer v) {
            return new VolunteerView(v.id, v.username, v.fullName, v.kind.name(), v.region, v.languages, v.skills,
                    v.availability, v.capacity, v.trainingExpiresOn, v.backgroundCheckExpiresOn, v.status.name(),
                    v.enrolledAt, v.leftAt);
        }
    }

    @POST
    @Operation(summary = "Register a volunteer")
    public Uni<RestResponse<VolunteerView>> register(@Valid @NotNull VolunteerRequest request) {
        return volunteers.register(request.profile())
                .map(v -> RestResponse.ResponseBuilder.<VolunteerView> created(URI.create("/api/v1/care/volunteers/" + v.id))
                        .entity(VolunteerView.of(v)).build());
    }

    @GET
    @Operation(summary = "The registry, by name")
    public Uni<PageView<VolunteerView>> list(@Valid @BeanParam PageRequest page,
            @RestQuery @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status) {
        return volunteers.page(status == null ? null : Volunteer.Status.valueOf(status), page.page, page.size)
                .map(found -> new PageView<>(found.items().stream().map(VolunteerView::of).toList(), page.page, page.size,
                        found.total()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One volunteer")
    public Uni<VolunteerView> get(@RestPath UUID id) {
        return volunteers.find(id).onItem().ifNull().failWith(() -> new NotFoundException("no volunteer " + id))
                .map(VolunteerView::of);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a volunteer's record", description = "E.g. renewed training or background check.")
    public Uni<VolunteerView> update(@RestPath UUID id, @Valid @NotNull VolunteerRequest request) {
        return volunteers.update(id, request.profile()).map(VolunteerView::of);
    }

    @Schema(description = "ACTIVE, PAUSED or LEFT", example = """
            {"status":"PAUSED"}""")
    public record StatusRequest(@NotNull Volunteer.Status status) {
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Pause, resume or record that a volunteer left", description = "Pausing or leaving proposes "
            + "everyone in their care for hand-over (GET /api/v1/care/hand-overs, and a HandOverProposed event each).")
    public Uni<VolunteerView> status(@RestPath UUID id, @Valid @NotNull StatusRequest request) {
        return volunteers.changeStatus(id, request.status()).map(VolunteerView::of);
    }
}
