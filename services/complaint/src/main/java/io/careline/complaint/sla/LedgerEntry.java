package io.careline.complaint.sla;

import java.time.Instant;

/**
 * One entry as stored: the canonical payload is what was hashed, after the previous entry's hash. seq, prevHash and
 * hash are null while the entry waits for the chainer.
 */
public record LedgerEntry(Long seq, Instant recordedAt, String type, String payload, String prevHash, String hash) {
}
