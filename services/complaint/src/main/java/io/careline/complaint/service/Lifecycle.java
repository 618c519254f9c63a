package io.careline.complaint.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Complaint.Status;
import io.careline.complaint.repository.Transition;
import io.careline.complaint.repository.Transition.Action;
import io.careline.complaint.sla.SlaClocks;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintAcknowledged;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.outbox.EventOutbox;
import io.smallrye.mutiny.Uni;

/**
 * Moves complaints between statuses inside the caller's transaction: the status, its audit line, its SLA clocks and
 * the events that announce it commit together. Events carry no actor and no reason: those stay in the audit trail.
 */
@ApplicationScoped
public class Lifecycle {

    private final EventOutbox outbox;
    private final SlaClocks slaClocks;

    public Lifecycle(EventOutbox outbox, SlaClocks slaClocks) {
        this.outbox = outbox;
        this.slaClocks = slaClocks;
    }

    public Uni<Void> move(Complaint complaint, Status to, Actor actor, Action action, String reason, Instant now) {
        Status from = complaint.status;
        complaint.status = to;
        complaint.statusChangedAt = now;
        complaint.resolvedAt = to == Status.RESOLVED ? now : to == Status.CLOSED ? complaint.resolvedAt : null;
        return audit(complaint, from, actor, action, reason, null, now)
                .chain(() -> clocks(complaint, from, to, now))
                .chain(() -> outbox.add(ComplaintStatusChanged.EVENT, EventEnvelope.of(ComplaintStatusChanged.EVENT,
                        complaint.customerId, now, new ComplaintStatusChanged(complaint.id, complaint.reference,
                                from.name(), to.name(), now))))
                .chain(() -> to == Status.ACKNOWLEDGED
                        ? outbox.add(ComplaintAcknowledged.EVENT, EventEnvelope.of(ComplaintAcknowledged.EVENT,
                                complaint.customerId, now, new ComplaintAcknowledged(complaint.id, complaint.reference, now)))
                        : Uni.createFrom().voidItem())
                .chain(() -> to == Status.RESOLVED
                        ? outbox.add(ComplaintResolved.EVENT, EventEnvelope.of(ComplaintResolved.EVENT,
                                complaint.customerId, now, new ComplaintResolved(complaint.id, complaint.reference,
                                        complaint.receivedAt, now)))
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /**
     * The SLA clocks follow the status: waiting on the customer pauses them, the customer's turn over resumes them,
     * resolving stops them, reopening starts the resolution clock again from where it stopped.
     */
    private Uni<Void> clocks(Complaint complaint, Status from, Status to, Instant now) {
        boolean settled = to == Status.RESOLVED || to == Status.CLOSED;
        if (to == Status.WAITING_ON_CUSTOMER) {
            return slaClocks.pausedWaitingOnCustomer(complaint.id, now);
        }
        if (to == Status.RESOLVED) {
            return slaClocks.resolved(complaint.id, now);
        }
        if (from == Status.WAITING_ON_CUSTOMER && !settled) {
            return slaClocks.resumed(complaint.id, now);
        }
        if ((from == Status.RESOLVED || from == Status.CLOSED) && !settled) {
            return slaClocks.reopened(complaint.id, now);
        }
        return Uni.createFrom().voidItem();
    }

    /** An audit line for a change that is not a status change (priority, assignment): from and to are the status. */
    public Uni<Void> audit(Complaint complaint, Status from, Actor actor, Action action, String reason, String detail,
            Instant now) {
        Transition line = new Transition();
        line.id = UUID.randomUUID();
        line.complaintId = complaint.id;
        line.at = now;
        line.actor = actor.name();
        line.actorRole = actor.role().name();
        line.action = action;
        line.fromStatus = from;
        line.toStatus = complaint.status;
        line.reason = reason;
        line.detail = detail;
        return line.persist().replaceWithVoid();
    }
}
