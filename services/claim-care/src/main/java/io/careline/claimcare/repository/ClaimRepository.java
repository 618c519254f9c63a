package io.careline.claimcare.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    /** A claim only under this partner: another partner's claim with the same number reads as "not found". */
    public Uni<Claim> findByPartnerRef(String partnerId, String partnerClaimRef) {
        return find("partnerId = ?1 and partnerClaimRef = ?2", partnerId, partnerClaimRef).firstResult();
    }

    public Uni<List<Claim>> pageOfPartner(String partnerId, int page, int size) {
        return find("partnerId", Sort.descending("reportedAt").and("id"), partnerId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOfPartner(String partnerId) {
        return count("partnerId", partnerId);
    }

    /** A claim only if it is this customer's: another customer's id reads as "not found". */
    public Uni<Claim> findOwned(String customerId, UUID id) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResult();
    }

    public Uni<List<Claim>> pageOwned(String customerId, int page, int size) {
        return find("customerId", Sort.descending("reportedAt").and("id"), customerId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOwned(String customerId) {
        return count("customerId", customerId);
    }
}
