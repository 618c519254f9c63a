package io.careline.claimcare.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepositoryBase<Volunteer, UUID> {

    public Uni<List<Volunteer>> page(Volunteer.Status status, int page, int size) {
        Sort sort = Sort.ascending("fullName").and("id");
        return (status == null ? findAll(sort) : find("status", sort, status)).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(Volunteer.Status status) {
        return status == null ? count() : count("status", status);
    }

    /** Everyone who might take someone on: the registry is thousands at most, so ranking runs over all of them. */
    public Uni<List<Volunteer>> active() {
        return list("status", Volunteer.Status.ACTIVE);
    }

    public Uni<Volunteer> findByUsername(String username) {
        return find("username", username).firstResult();
    }
}
