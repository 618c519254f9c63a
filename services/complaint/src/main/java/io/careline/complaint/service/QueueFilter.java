package io.careline.complaint.service;

import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.Priority;
import io.careline.complaint.repository.Complaint.Status;

/**
 * Which complaints a queue shows; null means any. {@code assignee} is a user name, "me" or "none" (unassigned).
 * Without a status the queue holds open complaints only. {@code q} matches reference, subject or customer id.
 */
public record QueueFilter(String assignee, String team, Status status, Category category, Priority priority,
        String channel, Boolean overdue, String q) {
}
