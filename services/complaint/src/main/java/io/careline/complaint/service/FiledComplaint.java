package io.careline.complaint.service;

import io.careline.complaint.repository.Complaint;

/** The outcome of filing: the complaint, and whether it was filed now or by an earlier request with the same key. */
public record FiledComplaint(Complaint complaint, boolean replayed) {
}
