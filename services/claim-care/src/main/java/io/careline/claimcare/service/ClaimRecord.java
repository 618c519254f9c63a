package io.careline.claimcare.service;

import java.util.List;

import io.careline.claimcare.repository.Claim;
import io.careline.claimcare.repository.ClaimEvent;

/** A claim with its timeline; {@code replayed} when the event just posted had been applied before. */
public record ClaimRecord(Claim claim, List<ClaimEvent> timeline, boolean replayed) {
}
