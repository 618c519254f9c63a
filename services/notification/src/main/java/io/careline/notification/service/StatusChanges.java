package io.careline.notification.service;

import java.util.Optional;
import java.util.Set;

import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.notification.repository.InboxMessage.Kind;

/**
 * The status changes that tell the customer something no other event does, and their words. The others are
 * announced already: ACKNOWLEDGED by the acknowledgement of {@code ComplaintReceived}, RESOLVED by
 * {@code ComplaintResolved}, IN_PROGRESS and WAITING_ON_CUSTOMER by the reply that moves the complaint there (or the
 * customer's own answer).
 */
final class StatusChanges {

    private static final Set<String> SETTLED = Set.of("RESOLVED", "CLOSED");

    private StatusChanges() {
    }

    /** REOPENED: a settled complaint is open again (a supervisor may have done it); CLOSED: it cannot be reopened in the app. */
    static Optional<Kind> kindOf(ComplaintStatusChanged change) {
        if (SETTLED.contains(change.fromStatus()) && !SETTLED.contains(change.toStatus())) {
            return Optional.of(Kind.COMPLAINT_REOPENED);
        }
        if ("CLOSED".equals(change.toStatus()) && !"CLOSED".equals(change.fromStatus())) {
            return Optional.of(Kind.COMPLAINT_CLOSED);
        }
        return Optional.empty();
    }

    static String title(Kind kind, ComplaintStatusChanged change) {
        return kind == Kind.COMPLAINT_REOPENED
                ? "Your complaint " + change.reference() + " is open again"
                : "Your complaint " + change.reference() + " is closed";
    }

    static String body(Kind kind, ComplaintStatusChanged change) {
        return kind == Kind.COMPLAINT_REOPENED
                ? "Your complaint " + change.reference() + " has been reopened. We are working on it again."
                : "Your complaint " + change.reference() + " is closed. If you need more help, please file a new complaint.";
    }
}
