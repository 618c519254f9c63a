package io.careline.complaint.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    /** A complaint, only if it belongs to this customer: another customer's id reads as "not found". */
    public Uni<Complaint> findOwned(String customerId, UUID id) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResult();
    }

    public Uni<List<Complaint>> pageOwned(String customerId, int page, int size) {
        return find("customerId", Sort.descending("receivedAt").and("id"), customerId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countOwned(String customerId) {
        return count("customerId", customerId);
    }

    /** A complaint, only if this partner filed it: another partner's reads as "not found". */
    public Uni<Complaint> findFiledBy(String partnerId, UUID id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    public Uni<List<Complaint>> pageFiledBy(String partnerId, int page, int size) {
        return find("partnerId", Sort.descending("receivedAt").and("id"), partnerId).page(Page.of(page, size)).list();
    }

    public Uni<Long> countFiledBy(String partnerId) {
        return count("partnerId", partnerId);
    }

    public Uni<Complaint> findByIdempotencyKey(String customerId, String idempotencyKey) {
        return find("customerId = ?1 and idempotencyKey = ?2", customerId, idempotencyKey).firstResult();
    }
}
