package io.careline.complaint.service;

import java.util.List;

import io.careline.complaint.repository.Compensation;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Transition;

/** A complaint with its audit trail and its compensation (null when none): what the views are made of. */
public record Details(Complaint complaint, List<Transition> history, Compensation compensation) {
}
