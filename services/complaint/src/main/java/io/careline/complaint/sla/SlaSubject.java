package io.careline.complaint.sla;

import java.time.Instant;
import java.util.UUID;

import io.careline.complaint.repository.Complaint;

/**
 * What the clocks need to know of a complaint. {@code priority} may be null (matched only by policies that leave it
 * open) until complaints carry one.
 */
public record SlaSubject(UUID complaintId, String reference, String customerId, String category, String priority,
        String channel, Instant receivedAt) {

    public static SlaSubject of(Complaint complaint) {
        return new SlaSubject(complaint.id, complaint.reference, complaint.customerId, complaint.category.name(), null,
                complaint.channel.name(), complaint.receivedAt);
    }
}
