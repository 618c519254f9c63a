package io.careline.notification.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.contracts.complaint.IncidentResolved;

/**
 * Reads the value of a record on the complaint topic: the event envelope's JSON, for the events that may tell the
 * customer something. Not read, so skipped like any unknown type: {@code ComplaintAcknowledged} (the
 * {@code ComplaintReceived} of the same complaint already made the acknowledgement) and the staff-facing
 * {@code SlaWarning}, {@code SlaBreached}, {@code SlaEscalated} (never for the customer's inbox).
 */
@Singleton // no client proxy: the base class has no no-args constructor
public class ComplaintEventReader extends EnvelopeReader {

    private static final List<Known> KNOWN = List.of(
            new Known(ComplaintReceived.EVENT, ComplaintReceived.class,
                    List.of("complaintId", "reference", "subject", "receivedAt", "firstReplyDueAt")),
            new Known(ComplaintReplied.EVENT, ComplaintReplied.class, List.of("complaintId", "reference")),
            new Known(ComplaintResolved.EVENT, ComplaintResolved.class, List.of("complaintId", "reference")),
            new Known(ComplaintStatusChanged.EVENT, ComplaintStatusChanged.class,
                    List.of("complaintId", "reference", "fromStatus", "toStatus")),
            new Known(CompensationGranted.EVENT, CompensationGranted.class,
                    List.of("complaintId", "reference", "refundAmount", "rewardAmount", "currency")),
            new Known(IncidentResolved.EVENT, IncidentResolved.class, List.of("incidentId", "kind")),
            new Known(DrawWinnersAnnounced.EVENT, DrawWinnersAnnounced.class, List.of("drawId", "month", "amount", "currency")));

    public ComplaintEventReader(ObjectMapper json) {
        super(json, KNOWN);
    }
}
