package io.careline.claimcare.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.claimcare.repository.GroupActivity;
import io.careline.claimcare.repository.GroupSignUp;
import io.careline.claimcare.service.GroupActivityService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/care/group-activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Group activities", description = "Activities at a place, with a capacity, sign-ups and attendance")
public class GroupActivitiesResource {

    private final GroupActivityService groups;
    private final StaffCaller caller;

    public GroupActivitiesResource(GroupActivityService groups, StaffCaller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @Schema(description = "A group activity", example = """
            {"title":"Autumn walk","place":"Stadtpark, north gate","region":"north","startsAt":"2026-11-14T10:00:00Z","capacity":20}""")
    public record GroupActivityRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String place,
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a region code (lower case)") String region,
            @NotNull Instant startsAt,
            @Min(1) @Max(1000) int capacity) {
    }

    public record SignUpView(UUID id, UUID volunteerId, UUID beneficiaryId, Instant signedUpAt, Boolean attended) {
        static SignUpView of(GroupSignUp s) {
            return new SignUpView(s.id, s.volunteerId, s.beneficiaryId, s.signedUpAt, s.attended);
        }
    }

    /** The sign-ups are bounded by the capacity (at most 1000). */
    public record GroupActivityView(UUID id, String title, String place, String region, Instant startsAt, int capacity,
            Instant attendanceRecordedAt, List<SignUpView> signUps) {
        static GroupActivityView of(GroupActivity g, List<GroupSignUp> signUps) {
            return new GroupActivityView(g.id, g.title, g.place, g.region, g.startsAt, g.capacity, g.attendanceRecordedAt,
                    signUps == null ? null : signUps.stream().map(SignUpView::of).toList());
        }
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Plan a group activity")
    public Uni<RestResponse<GroupActivityView>> create(@Valid @NotNull GroupActivityRequest request) {
        return groups.create(new GroupActivityService.NewGroupActivity(request.title(), request.place(), request.region(),
                request.startsAt(), request.capacity()), caller.username())
                .map(g -> RestResponse.ResponseBuilder.<GroupActivityView> created(URI.create("/api/v1/care/group-activities/" + g.id))
                        .entity(GroupActivityView.of(g, List.of())).build());
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "Group activities, latest first")
    public Uni<PageView<GroupActivityView>> list(@Valid @BeanParam PageRequest page) {
        return groups.page(page.page, page.size).map(found -> new PageView<>(found.items().stream()
                .map(g -> GroupActivityView.of(g, null)).toList(), page.page, page.size, found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "One group activity with its sign-ups")
    public Uni<GroupActivityView> get(@RestPath UUID id) {
        return groups.find(id).onItem().ifNull().failWith(() -> new NotFoundException("no group activity " + id))
                .map(found -> GroupActivityView.of(found.activity(), found.signUps()));
    }

    @Schema(description = "Who signs up: a coordinator names a volunteer or a beneficiary; a volunteer sends nothing to "
            + "sign up themselves, or a beneficiary assigned to them", example = """
            {"beneficiaryId":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}""")
    public record SignUpRequest(UUID volunteerId, UUID beneficiaryId) {
    }

    @POST
    @Path("{id}/sign-ups")
    @RolesAllowed({ Roles.COORDINATOR, Roles.VOLUNTEER })
    @Operation(summary = "Sign up for a group activity", description = "409 when it is full or attendance was recorded.")
    public Uni<RestResponse<SignUpView>> signUp(@RestPath UUID id, @Valid SignUpRequest request) {
        SignUpRequest body = request == null ? new SignUpRequest(null, null) : request;
        return groups.signUp(id, caller.reader(), body.volunteerId(), body.beneficiaryId())
                .map(s -> RestResponse.status(RestResponse.Status.CREATED, SignUpView.of(s)));
    }

    @Schema(description = "The sign-ups who came; everyone else signed up did not", example = """
            {"attendedSignUpIds":["0b7e4a52-3f0e-4c55-9d0a-5a4f0f3b1c2d"]}""")
    public record AttendanceRequest(@NotNull @Size(max = 1000) Set<@NotNull UUID> attendedSignUpIds) {
    }

    @POST
    @Path("{id}/attendance")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Record who came")
    public Uni<GroupActivityView> attendance(@RestPath UUID id, @Valid @NotNull AttendanceRequest request) {
        return groups.recordAttendance(id, request.attendedSignUpIds())
                .map(found -> GroupActivityView.of(found.activity(), found.signUps()));
    }
}
