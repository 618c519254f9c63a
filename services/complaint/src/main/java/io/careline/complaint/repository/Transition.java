package io.careline.complaint.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.careline.complaint.repository.Complaint.Status;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** One line of a complaint's audit trail: who, in which role, when, from, to, why. Append-only. */
@Entity
@Table(name = "complaint_transition")
public class Transition extends PanacheEntityBase {

    public enum Action { FILED, STATUS, REOPEN, OVERRIDE, PRIORITY, ASSIGN }

    @Id
    public UUID id;

    /** Set by the database: the order of lines written at the same instant. */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "actor_role", nullable = false, length = 16)
    public String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    public Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    public Status toStatus;

    /** Internal: never shown to the customer, never in an event. */
    @Column(length = 1000)
    public String reason;

    @Column(length = 300)
    public String detail;

    public static Uni<List<Transition>> of(UUID complaintId) {
        return find("complaintId", Sort.ascending("position"), complaintId).list();
    }
}
