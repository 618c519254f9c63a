package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import io.careline.claimcare.repository.Assignment;
import io.careline.claimcare.repository.AssignmentRepository;
import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.Beneficiary.Safeguarding;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.Volunteer;
import io.careline.claimcare.repository.VolunteerRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.care.VolunteerAssigned;
import io.careline.outbox.EventOutbox;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

/**
 * A coordinator assigns volunteers. Care begins only after consent; a volunteer whose training or background check
 * expired, who is not active or who is full is refused with the reason; a minor's care names its safeguarding
 * (two volunteers, or the guardian present at each visit). A new volunteer takes over pending hand-overs.
 */
@ApplicationScoped
public class AssignmentService {

    private final BeneficiaryRepository beneficiaries;
    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final EventOutbox outbox;
    private final Clock clock;

    public AssignmentService(BeneficiaryRepository beneficiaries, VolunteerRepository volunteers,
            AssignmentRepository assignments, EventOutbox outbox, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Assignment> assign(UUID beneficiaryId, UUID volunteerId, Safeguarding safeguarding, String coordinator) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.findById(beneficiaryId)
                .chain(beneficiary -> {
                    if (beneficiary == null) {
                        throw new NotFoundException("no beneficiary " + beneficiaryId);
                    }
                    if (beneficiary.status != Beneficiary.Status.CONSENTED && beneficiary.status != Beneficiary.Status.IN_CARE) {
                        throw new ClientErrorException("care begins only with consent; this beneficiary is "
                                + beneficiary.status, Response.Status.CONFLICT);
                    }
                    checkSafeguarding(beneficiary, safeguarding);
                    return volunteers.findById(volunteerId).chain(volunteer -> assignments.activeOfVolunteer(volunteerId)
                            .chain(load -> assignments.activeOf(beneficiaryId)
                                    .chain(current -> assign(beneficiary, volunteer, volunteerId, load, current,
                                            safeguarding, coordinator))));
                })));
    }

    private Uni<Assignment> assign(Beneficiary beneficiary, Volunteer volunteer, UUID volunteerId, List<Assignment> load,
            List<Assignment> current, Safeguarding safeguarding, String coordinator) {
        if (volunteer == null) {
            throw new UnprocessableRequestException("volunteerId", "is not a registered volunteer");
        }
        if (current.stream().anyMatch(a -> a.volunteerId.equals(volunteerId))) {
            throw new ClientErrorException("this volunteer is already assigned to this beneficiary", Response.Status.CONFLICT);
        }
        String blocked = volunteer.blockedReason(LocalDate.now(clock));
        if (blocked != null) {
            throw new UnprocessableRequestException("volunteerId", "cannot take anyone on: " + blocked);
        }
        if (load.size() >= volunteer.capacity) {
            throw new UnprocessableRequestException("volunteerId", "cannot take anyone on: cares for " + load.size()
                    + " of " + volunteer.capacity + " already");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // whoever was waiting to hand over is relieved now
        current.stream().filter(a -> a.handoverProposedAt != null).forEach(a -> {
            a.endedAt = now;
            a.endReason = Assignment.EndReason.HANDED_OVER;
        });
        if (safeguarding != null) {
            beneficiary.safeguarding = safeguarding;
        }
        beneficiary.status = Beneficiary.Status.IN_CARE;
        if (beneficiary.careStartedAt == null) {
            beneficiary.careStartedAt = now;
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.beneficiaryId = beneficiary.id;
        assignment.volunteerId = volunteer.id;
        assignment.assignedAt = now;
        assignment.assignedBy = coordinator;
        return assignments.persist(assignment)
                .call(stored -> outbox.add(VolunteerAssigned.EVENT, EventEnvelope.of(VolunteerAssigned.EVENT,
                        beneficiary.customerId, now, new VolunteerAssigned(beneficiary.id, volunteer.id, volunteer.username, now))));
    }

    /** A minor's care needs its safeguarding named once; an adult's has none. */
    private static void checkSafeguarding(Beneficiary beneficiary, Safeguarding requested) {
        if (!beneficiary.minor && requested != null) {
            throw new UnprocessableRequestException("safeguarding", "applies to the care of a minor only");
        }
        if (beneficiary.minor && requested == null && beneficiary.safeguarding == null) {
            throw new UnprocessableRequestException("safeguarding",
                    "is required for a minor: TWO_VOLUNTEERS or GUARDIAN_PRESENT at each visit");
        }
    }

    public record HandOverPage(List<Beneficiary> items, long total) {
    }

    /** People in care with no volunteer who is staying: those waiting for a hand-over. */
    public Uni<HandOverPage> awaitingHandOver(int page, int size) {
        String query = "from Beneficiary b where b.status = ?1 and not exists (select 1 from Assignment a "
                + "where a.beneficiaryId = b.id and a.endedAt is null and a.handoverProposedAt is null)";
        return Uncancellable.run(() -> Panache.withSession(() -> beneficiaries.find(query + " order by b.careStartedAt, b.id",
                Beneficiary.Status.IN_CARE).page(Page.of(page, size)).list()
                .chain(items -> beneficiaries.count(query, Beneficiary.Status.IN_CARE).map(total -> new HandOverPage(items, total)))));
    }
}
