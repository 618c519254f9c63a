package io.careline.complaint.sla;

import java.time.Instant;
import java.util.UUID;

import io.careline.complaint.repository.Complaint;

/** What the clocks need to know of a complaint; category, priority and channel choose its policy. */
public record SlaSubject(UUID complaintId, String reference, String customerId, String category, String priority,
        String channel, Instant receivedAt) {

    public static SlaSubject of(Complaint complaint) {
        return new SlaSubject(complaint.id, complaint.reference, complaint.customerId, complaint.category.name(),
                complaint.priority == null ? null : complaint.priority.name(), complaint.channel, complaint.receivedAt);
    }
}
