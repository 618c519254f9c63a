package io.careline.complaint.rest;

import java.time.Instant;
import java.util.UUID;

import io.careline.complaint.repository.Complaint;

/** A complaint as its customer sees it. */
public record ComplaintView(
        UUID id,
        String reference,
        String category,
        String channel,
        String status,
        String subject,
        String description,
        Instant receivedAt,
        Instant firstReplyDueAt) {

    static ComplaintView of(Complaint complaint) {
        return new ComplaintView(complaint.id, complaint.reference, complaint.category.name(), complaint.channel.name(),
                complaint.status.name(), complaint.subject, complaint.description, complaint.receivedAt,
                complaint.firstReplyDueAt);
    }
}
