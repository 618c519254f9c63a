package io.careline.notification.template;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Sample data for a template preview: a made-up event of the kind, drafted exactly as a real one is, so a preview
 * shows what customers get (and fails when a template and its drafts disagree).
 */
public final class Samples {

    /** A fixed moment, so a preview reads the same every time. */
    public static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final String REFERENCE = "CMP-1A2B3C4D";

    private Samples() {
    }

    public static Draft of(Kind kind) {
        Object data = switch (kind) {
            case COMPLAINT_ACKNOWLEDGEMENT -> new ComplaintReceived(ID, REFERENCE, "Charged twice for March", "BILLING",
                    "APP", AT, AT.plus(Duration.ofHours(48)));
            case COMPLAINT_REPLY -> new ComplaintReplied(ID, REFERENCE, ID, AT, true, true);
            case COMPLAINT_RESOLVED -> new ComplaintResolved(ID, REFERENCE, AT.minus(Duration.ofDays(2)), AT);
            case COMPLAINT_REOPENED -> new ComplaintStatusChanged(ID, REFERENCE, "RESOLVED", "IN_PROGRESS", AT);
            case COMPLAINT_CLOSED -> new ComplaintStatusChanged(ID, REFERENCE, "RESOLVED", "CLOSED", AT);
            case COMPENSATION_GRANTED -> new CompensationGranted(ID, REFERENCE, ID, new BigDecimal("12.5"),
                    new BigDecimal("12.5"), "EUR", AT);
            case INCIDENT_RESOLVED -> new IncidentResolved(ID, "NO_SIGNAL", "Riverside", AT, 12);
            case DRAW_WON -> new DrawWinnersAnnounced(ID, "2026-10", "seed", 1, 10, 500, "digest", new BigDecimal("50"),
                    "EUR", AT);
        };
        return Drafts.of(new EventEnvelope<>(ID, "Sample", 1, AT, "C-0000", data)).orElseThrow();
    }
}
