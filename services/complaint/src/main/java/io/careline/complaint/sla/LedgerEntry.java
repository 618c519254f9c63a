package io.careline.complaint.sla;

import java.time.Instant;

/** One entry as stored: the canonical payload is what was hashed, after the previous entry's hash. */
public record LedgerEntry(long seq, Instant recordedAt, String type, String payload, String prevHash, String hash) {
}
