package io.careline.complaint.service;

import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.Channel;

/** A complaint to file: who files it and through which channel come from the caller's token, never the body. */
public record FileComplaint(String customerId, Channel channel, Category category, String subject, String description,
        String idempotencyKey) {
}
