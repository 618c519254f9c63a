package io.careline.claimcare.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ClaimEventRepository implements PanacheRepositoryBase<ClaimEvent, UUID> {

    public Uni<ClaimEvent> findByPartnerEvent(String partnerId, String partnerEventId) {
        return find("partnerId = ?1 and partnerEventId = ?2", partnerId, partnerEventId).firstResult();
    }

    /** A claim's timeline; a claim has at most one event per status, so this is short. */
    public Uni<List<ClaimEvent>> timeline(UUID claimId) {
        return list("claimId", Sort.ascending("occurredAt").and("receivedAt"), claimId);
    }
}
