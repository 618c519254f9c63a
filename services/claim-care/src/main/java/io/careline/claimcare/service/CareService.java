package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import io.careline.claimcare.config.CareConfig;
import io.careline.claimcare.repository.Activity;
import io.careline.claimcare.repository.Assignment;
import io.careline.claimcare.repository.AssignmentRepository;
import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.Beneficiary.Safeguarding;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.CarePlan;
import io.careline.claimcare.repository.Volunteer;
import io.careline.claimcare.repository.VolunteerRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.care.CareEnded;
import io.careline.contracts.care.CareVisitOverdue;
import io.careline.outbox.EventOutbox;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * One-to-one care: the plan's cadence, the activities volunteers record (with a minor's safeguarding enforced at
 * each in-person activity), overdue warnings, and the end of care. Care goes on after the claim is closed, until a
 * coordinator ends it.
 */
@ApplicationScoped
public class CareService {

    private static final int OVERDUE_BATCH = 500;

    private final BeneficiaryRepository beneficiaries;
    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final BeneficiaryService readers;
    private final EventOutbox outbox;
    private final CareConfig config;
    private final Clock clock;

    public CareService(BeneficiaryRepository beneficiaries, VolunteerRepository volunteers,
            AssignmentRepository assignments, BeneficiaryService readers, EventOutbox outbox, CareConfig config,
            Clock clock) {
        this.beneficiaries = beneficiaries;
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.readers = readers;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Sets how often the person is visited; the next visit is due a cadence after the last one (or from now). */
    public Uni<CarePlan> setPlan(UUID beneficiaryId, int cadenceDays) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.findById(beneficiaryId).chain(beneficiary -> {
            if (beneficiary == null) {
                throw new NotFoundException("no beneficiary " + beneficiaryId);
            }
            requireInCareOrConsented(beneficiary);
            Instant now = now();
            return CarePlan.<CarePlan> findById(beneficiaryId).chain(existing -> lastInPersonActivity(beneficiaryId).chain(last -> {
                CarePlan plan = existing != null ? existing : new CarePlan();
                plan.beneficiaryId = beneficiaryId;
                plan.cadenceDays = cadenceDays;
                plan.nextDueAt = (last == null ? now : last).plus(Duration.ofDays(cadenceDays));
                plan.overdueRaisedFor = null;
                plan.updatedAt = now;
                return existing != null ? Uni.createFrom().item(plan) : plan.<CarePlan> persist();
            }));
        })));
    }

    public Uni<CarePlan> plan(CareReader reader, UUID beneficiaryId) {
        return Uncancellable.run(() -> Panache.withSession(() -> readers.visible(reader, beneficiaryId)
                .chain(beneficiary -> beneficiary == null ? Uni.createFrom().nullItem() : CarePlan.<CarePlan> findById(beneficiaryId))));
    }

    public record NewActivity(Activity.Kind kind, Instant occurredAt, int durationMinutes, String notes,
            String needsFound, UUID secondVolunteerId, boolean guardianPresent) {
    }

    /** A volunteer records what they did with a person assigned to them; in-person activities move the plan on. */
    public Uni<Activity> record(String volunteerUsername, UUID beneficiaryId, NewActivity request) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.findAssigned(beneficiaryId, volunteerUsername)
                .chain(beneficiary -> {
                    if (beneficiary == null) {
                        throw new NotFoundException("no beneficiary " + beneficiaryId);
                    }
                    if (beneficiary.status != Beneficiary.Status.IN_CARE) {
                        throw new ClientErrorException("this beneficiary's care has ended", Response.Status.CONFLICT);
                    }
                    if (request.occurredAt().isAfter(clock.instant().plus(config.clockSkew()))) {
                        throw new UnprocessableRequestException("occurredAt", "is in the future");
                    }
                    return volunteers.findByUsername(volunteerUsername).chain(volunteer -> assignments.activeOf(beneficiaryId)
                            .chain(active -> store(beneficiary, volunteer, active, request)));
                })));
    }

    private Uni<Activity> store(Beneficiary beneficiary, Volunteer volunteer, List<Assignment> active, NewActivity request) {
        checkSafeguarding(beneficiary, volunteer, active, request);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.beneficiaryId = beneficiary.id;
        activity.volunteerId = volunteer.id;
        activity.kind = request.kind();
        activity.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        activity.durationMinutes = request.durationMinutes();
        activity.notes = request.notes();
        activity.needsFound = request.needsFound();
        activity.secondVolunteerId = request.secondVolunteerId();
        activity.guardianPresent = request.guardianPresent();
        activity.recordedAt = now();
        return activity.<Activity> persist().call(stored -> !stored.kind.inPerson() ? Uni.createFrom().voidItem()
                : CarePlan.<CarePlan> findById(beneficiary.id).invoke(plan -> {
                    if (plan != null) {
                        Instant due = stored.occurredAt.plus(Duration.ofDays(plan.cadenceDays));
                        if (due.isAfter(plan.nextDueAt)) {
                            plan.nextDueAt = due;
                            plan.overdueRaisedFor = null;
                            plan.updatedAt = stored.recordedAt;
                        }
                    }
                }));
    }

    /**
     * A minor is never alone with one volunteer: in person, either a second volunteer assigned to them was there, or
     * their guardian was, as the care's safeguarding says.
     */
    private static void checkSafeguarding(Beneficiary beneficiary, Volunteer volunteer, List<Assignment> active,
            NewActivity request) {
        if (!beneficiary.minor || !request.kind().inPerson()) {
            return;
        }
        if (beneficiary.safeguarding == Safeguarding.TWO_VOLUNTEERS) {
            UUID second = request.secondVolunteerId();
            boolean assigned = second != null && !second.equals(volunteer.id)
                    && active.stream().anyMatch(a -> a.volunteerId.equals(second));
            if (!assigned) {
                throw new UnprocessableRequestException("secondVolunteerId",
                        "must name the second volunteer assigned to this minor who was there");
            }
        } else if (!request.guardianPresent()) {
            throw new UnprocessableRequestException("guardianPresent", "must be true: a minor's guardian is present at each visit");
        }
    }

    public record ActivityPage(List<Activity> items, long total) {
    }

    public Uni<ActivityPage> activities(CareReader reader, UUID beneficiaryId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> readers.visible(reader, beneficiaryId).chain(beneficiary -> {
            if (beneficiary == null) {
                return Uni.createFrom().<ActivityPage> nullItem();
            }
            return Activity.<Activity> find("beneficiaryId", Sort.descending("occurredAt").and("id"), beneficiaryId)
                    .page(Page.of(page, size)).list()
                    .chain(items -> Activity.count("beneficiaryId", beneficiaryId).map(total -> new ActivityPage(items, total)));
        })));
    }

    /** Ends care with a reason: the assignments end, the plan stops, and nothing falls overdue any more. */
    public Uni<Beneficiary> end(UUID beneficiaryId, Beneficiary.EndReason reason) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.findById(beneficiaryId).chain(beneficiary -> {
            if (beneficiary == null) {
                throw new NotFoundException("no beneficiary " + beneficiaryId);
            }
            requireInCareOrConsented(beneficiary);
            Instant now = now();
            beneficiary.status = Beneficiary.Status.ENDED;
            beneficiary.endedAt = now;
            beneficiary.endReason = reason;
            return assignments.activeOf(beneficiaryId)
                    .invoke(active -> active.forEach(a -> {
                        a.endedAt = now;
                        a.endReason = Assignment.EndReason.CARE_ENDED;
                    }))
                    .chain(() -> CarePlan.delete("beneficiaryId", beneficiaryId))
                    .chain(() -> outbox.add(CareEnded.EVENT, EventEnvelope.of(CareEnded.EVENT, beneficiary.customerId, now,
                            new CareEnded(beneficiary.id, reason.name(), now))))
                    .replaceWith(beneficiary);
        })));
    }

    /**
     * Raises each missed visit once: a CareVisitOverdue for every volunteer assigned (or one for the coordinators
     * alone when nobody is). Runs on a schedule; the plan's version keeps two replicas from raising the same miss.
     */
    public Uni<Integer> raiseOverdue() {
        Instant now = now();
        return Panache.withTransaction(() -> CarePlan.<CarePlan> find(
                "nextDueAt < ?1 and (overdueRaisedFor is null or overdueRaisedFor <> nextDueAt)",
                Sort.ascending("nextDueAt"), now).page(Page.ofSize(OVERDUE_BATCH)).list()
                .chain(plans -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (CarePlan plan : plans) {
                        chain = chain.chain(() -> raise(plan, now));
                    }
                    return chain.replaceWith(plans.size());
                }));
    }

    private Uni<Void> raise(CarePlan plan, Instant now) {
        plan.overdueRaisedFor = plan.nextDueAt;
        return beneficiaries.findById(plan.beneficiaryId).chain(beneficiary -> assignments.activeOf(beneficiary.id)
                .chain(active -> {
                    if (active.isEmpty()) {
                        return overdue(beneficiary, null, null, plan.nextDueAt, now);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Assignment assignment : active) {
                        chain = chain.chain(() -> volunteers.findById(assignment.volunteerId)
                                .chain(v -> overdue(beneficiary, v.id, v.username, plan.nextDueAt, now)));
                    }
                    return chain;
                }));
    }

    private Uni<Void> overdue(Beneficiary beneficiary, UUID volunteerId, String username, Instant due, Instant now) {
        return outbox.add(CareVisitOverdue.EVENT, EventEnvelope.of(CareVisitOverdue.EVENT, beneficiary.customerId, now,
                new CareVisitOverdue(beneficiary.id, volunteerId, username, due, now))).replaceWithVoid();
    }

    private Uni<Instant> lastInPersonActivity(UUID beneficiaryId) {
        return Activity.<Activity> find("beneficiaryId = ?1 and kind <> ?2", Sort.descending("occurredAt"), beneficiaryId,
                Activity.Kind.CALL).firstResult().map(last -> last == null ? null : last.occurredAt);
    }

    private static void requireInCareOrConsented(Beneficiary beneficiary) {
        if (beneficiary.status != Beneficiary.Status.IN_CARE && beneficiary.status != Beneficiary.Status.CONSENTED) {
            throw new ClientErrorException("this beneficiary is " + beneficiary.status + ", not in care",
                    Response.Status.CONFLICT);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
