package io.careline.claimcare.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BeneficiaryRepository implements PanacheRepositoryBase<Beneficiary, UUID> {

    private static final String ASSIGNED_TO = "id in (select a.beneficiaryId from Assignment a, Volunteer v "
            + "where a.volunteerId = v.id and a.endedAt is null and v.username = :username)";

    /** The beneficiary if this volunteer (by sign-in name) is currently assigned to them; null otherwise. */
    public Uni<Beneficiary> findAssigned(UUID id, String username) {
        return find("id = :id and " + ASSIGNED_TO, Parameters.with("id", id)
                .and("username", username)).firstResult();
    }

    public Uni<List<Beneficiary>> page(Beneficiary.Status status, int page, int size) {
        Sort sort = Sort.descending("proposedAt").and("id");
        return (status == null ? findAll(sort) : find("status", sort, status)).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Beneficiary.Status status) {
        return status == null ? count() : count("status", status);
    }

    public Uni<List<Beneficiary>> pageAssigned(String username, int page, int size) {
        return find(ASSIGNED_TO, Sort.descending("proposedAt").and("id"),
                Parameters.with("username", username)).page(Page.of(page, size)).list();
    }

    public Uni<Long> countAssigned(String username) {
        return count(ASSIGNED_TO, Parameters.with("username", username));
    }

    /** Values sealed with another key than the current one, a batch at a time. */
    public Uni<List<Beneficiary>> sealedWithOtherKey(String currentKeyId, int limit) {
        return find("healthKeyId is not null and healthKeyId <> ?1", Sort.ascending("id"), currentKeyId)
                .page(Page.ofSize(limit)).list();
    }

    public Uni<Long> countSealedWithOtherKey(String currentKeyId) {
        return count("healthKeyId is not null and healthKeyId <> ?1", currentKeyId);
    }
}
