package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A customer's complaint was accepted and stored. Its first-reply clock started at {@code receivedAt}
 * and is due at {@code firstReplyDueAt} ("every complaint answered, first reply within 48 hours").
 */
public record ComplaintReceived(
        UUID complaintId,
        String reference,
        String subject,
        String category,
        String channel,
        Instant receivedAt,
        Instant firstReplyDueAt) {

    public static final EventType EVENT = new EventType("ComplaintReceived", 1, Topics.COMPLAINT);
}
