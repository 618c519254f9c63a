package io.careline.notification.template;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.contracts.complaint.IncidentResolved;
import io.careline.notification.repository.InboxMessage.Kind;

/** The draft each readable event calls for (see the reader), or none (most status changes). */
public final class Drafts {

    /** Settled complaints: leaving one reopens it, reaching CLOSED closes it for good. */
    private static final Set<String> SETTLED = Set.of("RESOLVED", "CLOSED");

    private Drafts() {
    }

    public static Optional<Draft> of(EventEnvelope<?> event) {
        Object data = event.data();
        if (data instanceof ComplaintReceived complaint) {
            Map<String, Object> params = params(complaint.reference());
            params.put("subject", complaint.subject());
            params.put("dueAt", complaint.firstReplyDueAt());
            // the promise is the complaint service's target, as the event states it, not a number fixed here
            params.put("hours", Duration.between(complaint.receivedAt(), complaint.firstReplyDueAt()).toHours());
            return draft(Kind.COMPLAINT_ACKNOWLEDGEMENT, params, complaint.complaintId(), complaint.reference())
                    .map(draft -> new Draft(draft.kind(), draft.params(), draft.complaintId(), draft.complaintReference(),
                            complaint.firstReplyDueAt()));
        }
        if (data instanceof ComplaintReplied reply) {
            // the event carries no text of the reply (the customer reads it in the app), so neither does the notice
            return draft(Kind.COMPLAINT_REPLY, params(reply.reference()), reply.complaintId(), reply.reference());
        }
        if (data instanceof ComplaintResolved resolved) {
            return draft(Kind.COMPLAINT_RESOLVED, params(resolved.reference()), resolved.complaintId(), resolved.reference());
        }
        if (data instanceof ComplaintStatusChanged change) {
            return kindOf(change).flatMap(kind -> draft(kind, params(change.reference()), change.complaintId(),
                    change.reference()));
        }
        if (data instanceof CompensationGranted granted) {
            Map<String, Object> params = params(granted.reference());
            params.put("refund", Money.format(granted.refundAmount(), granted.currency()));
            params.put("reward", Money.format(granted.rewardAmount(), granted.currency()));
            return draft(Kind.COMPENSATION_GRANTED, params, granted.complaintId(), granted.reference());
        }
        if (data instanceof IncidentResolved incident) {
            Map<String, Object> params = params(null);
            params.put("problem", incident.kind());
            // a kind added later reads as its own name rather than failing the message
            params.put("problemName", incident.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
            params.put("area", incident.area());
            return draft(Kind.INCIDENT_RESOLVED, params, null, null);
        }
        if (data instanceof DrawWinnersAnnounced draw) {
            Map<String, Object> params = params(null);
            params.put("month", draw.month());
            params.put("prize", Money.format(draw.amount(), draw.currency()));
            return draft(Kind.DRAW_WON, params, null, null);
        }
        // the reader returns only the types above: another one here is a bug, retried rather than lost
        throw new IllegalStateException("no message is defined for " + event.type() + " v" + event.version());
    }

    /**
     * REOPENED: a settled complaint is open again (a supervisor may have done it); CLOSED: it cannot be reopened in
     * the app. Other changes are announced by other events: ACKNOWLEDGED by the acknowledgement, RESOLVED by
     * {@code ComplaintResolved}, IN_PROGRESS and WAITING_ON_CUSTOMER by the reply that moves the complaint there.
     */
    static Optional<Kind> kindOf(ComplaintStatusChanged change) {
        if (SETTLED.contains(change.fromStatus()) && !SETTLED.contains(change.toStatus())) {
            return Optional.of(Kind.COMPLAINT_REOPENED);
        }
        if ("CLOSED".equals(change.toStatus()) && !"CLOSED".equals(change.fromStatus())) {
            return Optional.of(Kind.COMPLAINT_CLOSED);
        }
        return Optional.empty();
    }

    private static Map<String, Object> params(String reference) {
        Map<String, Object> params = new HashMap<>(); // values may be null (an incident's area): Map.of refuses them
        params.put("reference", reference);
        return params;
    }

    private static Optional<Draft> draft(Kind kind, Map<String, Object> params, UUID complaintId, String reference) {
        return Optional.of(new Draft(kind, params, complaintId == null ? null : complaintId.toString(), reference, null));
    }
}
