package io.careline.claimcare.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.careline.claimcare.repository.AssignmentRepository;
import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.Volunteer;
import io.careline.claimcare.repository.VolunteerRepository;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Ranks the active volunteers for a beneficiary and says why: continuity first (who cared for this person, then for
 * their household), then region, language, the skills the coordinator says are needed, and free capacity. Those who
 * may not take anyone on (training or background check expired, full) are listed last with the reason.
 */
@ApplicationScoped
public class MatchingService {

    static final int CARED_FOR_PERSON = 50;
    static final int CARED_FOR_HOUSEHOLD = 30;
    static final int SAME_REGION = 40;
    static final int SPEAKS_LANGUAGE = 25;
    static final int PER_SKILL = 10;
    static final int FREE_CAPACITY = 15;

    private final BeneficiaryRepository beneficiaries;
    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final Clock clock;

    public MatchingService(BeneficiaryRepository beneficiaries, VolunteerRepository volunteers,
            AssignmentRepository assignments, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.clock = clock;
    }

    public record Match(Volunteer volunteer, int score, List<String> reasons, long load, String blockedReason) {
    }

    public Uni<List<Match>> rank(UUID beneficiaryId, Set<String> skillsNeeded) {
        return Uncancellable.run(() -> Panache.withSession(() -> beneficiaries.findById(beneficiaryId).chain(beneficiary -> {
            if (beneficiary == null) {
                throw new NotFoundException("no beneficiary " + beneficiaryId);
            }
            return volunteers.active().chain(candidates -> assignments.loads()
                    .chain(loads -> assignments.volunteersWhoCaredFor(beneficiary.id)
                            .chain(person -> assignments.volunteersWhoCaredForHousehold(beneficiary.customerId, beneficiary.id)
                                    .map(household -> rank(beneficiary, skillsNeeded, candidates, loads, person, household)))));
        })));
    }

    private List<Match> rank(Beneficiary beneficiary, Set<String> skillsNeeded, List<Volunteer> candidates,
            Map<UUID, Long> loads, List<UUID> caredForPerson, List<UUID> caredForHousehold) {
        LocalDate today = LocalDate.now(clock);
        List<Match> matches = new ArrayList<>();
        for (Volunteer volunteer : candidates) {
            long load = loads.getOrDefault(volunteer.id, 0L);
            int score = 0;
            List<String> reasons = new ArrayList<>();
            if (caredForPerson.contains(volunteer.id)) {
                score += CARED_FOR_PERSON;
                reasons.add("cared for this person before");
            } else if (caredForHousehold.contains(volunteer.id)) {
                score += CARED_FOR_HOUSEHOLD;
                reasons.add("cared for this household before");
            }
            if (volunteer.region.equals(beneficiary.region)) {
                score += SAME_REGION;
                reasons.add("same region (" + volunteer.region + ")");
            }
            if (volunteer.languages.contains(beneficiary.language)) {
                score += SPEAKS_LANGUAGE;
                reasons.add("speaks " + beneficiary.language);
            }
            for (String skill : skillsNeeded) {
                if (volunteer.skills.contains(skill)) {
                    score += PER_SKILL;
                    reasons.add("has skill " + skill);
                }
            }
            if (volunteer.capacity > 0 && load < volunteer.capacity) {
                score += (int) Math.round(FREE_CAPACITY * (volunteer.capacity - load) / (double) volunteer.capacity);
            }
            reasons.add("cares for " + load + " of " + volunteer.capacity);
            String blocked = volunteer.blockedReason(today);
            if (blocked == null && load >= volunteer.capacity) {
                blocked = "cares for " + load + " of " + volunteer.capacity + " already";
            }
            matches.add(new Match(volunteer, score, reasons, load, blocked));
        }
        matches.sort(Comparator.comparing((Match m) -> m.blockedReason() != null)
                .thenComparing(Match::score, Comparator.reverseOrder())
                .thenComparing(Match::load)
                .thenComparing(m -> m.volunteer().fullName));
        return matches;
    }
}
