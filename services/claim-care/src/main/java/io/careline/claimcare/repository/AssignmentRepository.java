package io.careline.claimcare.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Uni<List<Assignment>> activeOf(UUID beneficiaryId) {
        return list("beneficiaryId = ?1 and endedAt is null", beneficiaryId);
    }

    public Uni<List<Assignment>> activeOfVolunteer(UUID volunteerId) {
        return list("volunteerId = ?1 and endedAt is null", volunteerId);
    }

    /** How many people each volunteer cares for now. */
    public Uni<Map<UUID, Long>> loads() {
        return getSession().chain(session -> session.createSelectionQuery(
                "select a.volunteerId, count(a) from Assignment a where a.endedAt is null group by a.volunteerId",
                Object[].class).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1])));
    }

    /** Volunteers who ever cared for this person, ended assignments included. */
    public Uni<List<UUID>> volunteersWhoCaredFor(UUID beneficiaryId) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select distinct a.volunteerId from Assignment a where a.beneficiaryId = :id", UUID.class)
                .setParameter("id", beneficiaryId).getResultList());
    }

    /** Volunteers who ever cared for someone else of this household (the same policyholder). */
    public Uni<List<UUID>> volunteersWhoCaredForHousehold(String customerId, UUID except) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select distinct a.volunteerId from Assignment a, Beneficiary b "
                        + "where a.beneficiaryId = b.id and b.customerId = :customer and b.id <> :except", UUID.class)
                .setParameter("customer", customerId).setParameter("except", except).getResultList());
    }
}
