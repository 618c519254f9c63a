package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.GroupActivity;
import io.careline.claimcare.repository.GroupSignUp;
import io.careline.claimcare.repository.VolunteerRepository;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Group activities: a place and a capacity; volunteers and beneficiaries sign up until it is full, and a coordinator
 * records who came. A volunteer signs up themselves or a person assigned to them.
 */
@ApplicationScoped
public class GroupActivityService {

    private final BeneficiaryRepository beneficiaries;
    private final VolunteerRepository volunteers;
    private final Clock clock;

    public GroupActivityService(BeneficiaryRepository beneficiaries, VolunteerRepository volunteers, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    public record NewGroupActivity(String title, String place, String region, Instant startsAt, int capacity) {
    }

    public record GroupActivityRecord(GroupActivity activity, List<GroupSignUp> signUps) {
    }

    public record GroupActivityPage(List<GroupActivity> items, long total) {
    }

    public Uni<GroupActivity> create(NewGroupActivity request, String coordinator) {
        GroupActivity activity = new GroupActivity();
        activity.id = UUID.randomUUID();
        activity.title = request.title().strip();
        activity.place = request.place().strip();
        activity.region = request.region();
        activity.startsAt = request.startsAt().truncatedTo(ChronoUnit.MICROS);
        activity.capacity = request.capacity();
        activity.createdBy = coordinator;
        return Uncancellable.run(() -> Panache.withTransaction(activity::<GroupActivity> persist));
    }

    public Uni<GroupActivityPage> page(int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> GroupActivity.<GroupActivity> findAll(
                Sort.descending("startsAt").and("id")).page(Page.of(page, size)).list()
                .chain(items -> GroupActivity.count().map(total -> new GroupActivityPage(items, total)))));
    }

    public Uni<GroupActivityRecord> find(UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> GroupActivity.<GroupActivity> findById(id)
                .chain(activity -> activity == null ? Uni.createFrom().<GroupActivityRecord> nullItem()
                        : signUps(id).map(signUps -> new GroupActivityRecord(activity, signUps)))));
    }

    /**
     * Signs a volunteer or a beneficiary up, exactly one of them. The activity's row is locked while places are
     * counted, so the last place goes to one sign-up only.
     */
    public Uni<GroupSignUp> signUp(UUID groupId, CareReader reader, UUID volunteerId, UUID beneficiaryId) {
        if ((volunteerId == null) == (beneficiaryId == null) && reader.coordinator()) {
            return Uni.createFrom().failure(new UnprocessableRequestException("volunteerId",
                    "name either a volunteerId or a beneficiaryId"));
        }
        return Uncancellable.run(() -> Panache.withTransaction(() -> GroupActivity.<GroupActivity> find("id", groupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(activity -> {
                    if (activity == null) {
                        throw new NotFoundException("no group activity " + groupId);
                    }
                    if (activity.attendanceRecordedAt != null) {
                        throw new ClientErrorException("attendance was recorded: sign-ups are closed", Response.Status.CONFLICT);
                    }
                    return participant(reader, volunteerId, beneficiaryId)
                            .chain(participant -> GroupSignUp.count("groupActivityId", groupId).chain(taken -> {
                                if (taken >= activity.capacity) {
                                    throw new ClientErrorException("the activity is full (" + taken + " of "
                                            + activity.capacity + ")", Response.Status.CONFLICT);
                                }
                                return GroupSignUp.count("groupActivityId = ?1 and (volunteerId = ?2 or beneficiaryId = ?3)",
                                        groupId, participant.volunteerId, participant.beneficiaryId).chain(already -> {
                                            if (already > 0) {
                                                throw new ClientErrorException("already signed up", Response.Status.CONFLICT);
                                            }
                                            participant.id = UUID.randomUUID();
                                            participant.groupActivityId = groupId;
                                            participant.signedUpAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                                            return participant.<GroupSignUp> persist();
                                        });
                            }));
                })));
    }

    /** Who the sign-up is for: a coordinator names anyone; a volunteer themselves, or a person assigned to them. */
    private Uni<GroupSignUp> participant(CareReader reader, UUID volunteerId, UUID beneficiaryId) {
        GroupSignUp signUp = new GroupSignUp();
        if (beneficiaryId != null) {
            Uni<Beneficiary> found = reader.coordinator() ? beneficiaries.findById(beneficiaryId)
                    : beneficiaries.findAssigned(beneficiaryId, reader.username());
            return found.map(beneficiary -> {
                if (beneficiary == null) {
                    throw new UnprocessableRequestException("beneficiaryId", reader.coordinator()
                            ? "is not a beneficiary" : "is not a person assigned to you");
                }
                if (beneficiary.status != Beneficiary.Status.IN_CARE && beneficiary.status != Beneficiary.Status.CONSENTED) {
                    throw new UnprocessableRequestException("beneficiaryId", "is not in care");
                }
                signUp.beneficiaryId = beneficiary.id;
                return signUp;
            });
        }
        return (reader.coordinator() ? volunteers.findById(volunteerId) : volunteers.findByUsername(reader.username()))
                .map(volunteer -> {
                    if (volunteer == null) {
                        throw new UnprocessableRequestException("volunteerId", "is not a registered volunteer");
                    }
                    if (!reader.coordinator() && volunteerId != null && !volunteerId.equals(volunteer.id)) {
                        throw new UnprocessableRequestException("volunteerId", "a volunteer signs up only themselves");
                    }
                    signUp.volunteerId = volunteer.id;
                    return signUp;
                });
    }

    /** Records who came: the listed sign-ups attended, the others did not. */
    public Uni<GroupActivityRecord> recordAttendance(UUID groupId, Set<UUID> attended) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> GroupActivity.<GroupActivity> findById(groupId)
                .chain(activity -> {
                    if (activity == null) {
                        throw new NotFoundException("no group activity " + groupId);
                    }
                    return signUps(groupId).map(signUps -> {
                        Set<UUID> known = signUps.stream().map(s -> s.id).collect(Collectors.toSet());
                        if (!known.containsAll(attended)) {
                            throw new UnprocessableRequestException("attendedSignUpIds", "names a sign-up of another activity");
                        }
                        signUps.forEach(s -> s.attended = attended.contains(s.id));
                        activity.attendanceRecordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                        return new GroupActivityRecord(activity, signUps);
                    });
                })));
    }

    private static Uni<List<GroupSignUp>> signUps(UUID groupId) {
        return GroupSignUp.list("groupActivityId", Sort.ascending("signedUpAt").and("id"), groupId);
    }
}
