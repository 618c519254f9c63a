package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.exception.ConstraintViolationException;

import io.careline.claimcare.repository.Assignment;
import io.careline.claimcare.repository.AssignmentRepository;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.Volunteer;
import io.careline.claimcare.repository.VolunteerRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.care.HandOverProposed;
import io.careline.outbox.EventOutbox;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The volunteer registry. When a volunteer pauses or leaves, each person they care for is proposed for hand-over
 * (an event, and the hand-over list) in the same transaction: nobody is left without a volunteer unnoticed.
 */
@ApplicationScoped
public class VolunteerService {

    private static final String USERNAME_CONSTRAINT = "volunteer_username_key";

    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final BeneficiaryRepository beneficiaries;
    private final EventOutbox outbox;
    private final Clock clock;

    public VolunteerService(VolunteerRepository volunteers, AssignmentRepository assignments,
            BeneficiaryRepository beneficiaries, EventOutbox outbox, Clock clock) {
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record VolunteerPage(List<Volunteer> items, long total) {
    }

    public Uni<Volunteer> register(VolunteerProfile profile) {
        Volunteer volunteer = new Volunteer();
        volunteer.id = UUID.randomUUID();
        volunteer.status = Volunteer.Status.ACTIVE;
        volunteer.enrolledAt = now();
        apply(volunteer, profile);
        return Uncancellable.run(() -> Panache.withTransaction(() -> volunteers.persist(volunteer))
                .onFailure(this::usernameTaken).transform(f -> usernameTakenProblem()));
    }

    public Uni<Volunteer> update(UUID id, VolunteerProfile profile) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> volunteers.findById(id).map(volunteer -> {
            if (volunteer == null) {
                throw new NotFoundException("no volunteer " + id);
            }
            apply(volunteer, profile);
            return volunteer;
        })).onFailure(this::usernameTaken).transform(f -> usernameTakenProblem()));
    }

    public Uni<Volunteer> find(UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> volunteers.findById(id)));
    }

    public Uni<VolunteerPage> page(Volunteer.Status status, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> volunteers.page(status, page, size)
                .chain(items -> volunteers.count(status).map(total -> new VolunteerPage(items, total)))));
    }

    /**
     * Pausing or leaving proposes every person in the volunteer's care for hand-over. One who left no longer sees
     * them (the assignment ends); one who paused keeps the link until someone takes over. Back to active, a paused
     * volunteer's pending hand-overs are withdrawn.
     */
    public Uni<Volunteer> changeStatus(UUID id, Volunteer.Status status) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> volunteers.findById(id).chain(volunteer -> {
            if (volunteer == null) {
                throw new NotFoundException("no volunteer " + id);
            }
            if (volunteer.status == Volunteer.Status.LEFT) {
                throw new UnprocessableRequestException("status", "cannot change: the volunteer has left");
            }
            Instant now = now();
            volunteer.status = status;
            volunteer.leftAt = status == Volunteer.Status.LEFT ? now : null;
            return assignments.activeOfVolunteer(volunteer.id)
                    .chain(active -> status == Volunteer.Status.ACTIVE ? withdrawHandOvers(active)
                            : proposeHandOvers(active, status, now))
                    .replaceWith(volunteer);
        })));
    }

    private Uni<Void> withdrawHandOvers(List<Assignment> active) {
        active.forEach(assignment -> assignment.handoverProposedAt = null);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> proposeHandOvers(List<Assignment> active, Volunteer.Status reason, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Assignment assignment : active) {
            chain = chain.chain(() -> beneficiaries.findById(assignment.beneficiaryId)).chain(beneficiary -> {
                if (assignment.handoverProposedAt == null) {
                    assignment.handoverProposedAt = now;
                }
                if (reason == Volunteer.Status.LEFT) {
                    assignment.endedAt = now;
                    assignment.endReason = Assignment.EndReason.HANDED_OVER;
                }
                return outbox.add(HandOverProposed.EVENT, EventEnvelope.of(HandOverProposed.EVENT, beneficiary.customerId,
                        now, new HandOverProposed(beneficiary.id, assignment.volunteerId, reason.name(), now)))
                        .replaceWithVoid();
            });
        }
        return chain;
    }

    private static void apply(Volunteer volunteer, VolunteerProfile profile) {
        volunteer.username = profile.username();
        volunteer.fullName = profile.fullName().strip();
        volunteer.kind = profile.kind();
        volunteer.region = profile.region();
        volunteer.languages = new TreeSet<>(profile.languages());
        volunteer.skills = new TreeSet<>(profile.skills());
        volunteer.availability = profile.availability();
        volunteer.capacity = profile.capacity();
        volunteer.trainingExpiresOn = profile.trainingExpiresOn();
        volunteer.backgroundCheckExpiresOn = profile.backgroundCheckExpiresOn();
    }

    private boolean usernameTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && USERNAME_CONSTRAINT.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static UnprocessableRequestException usernameTakenProblem() {
        return new UnprocessableRequestException("username", "is already registered to another volunteer");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
