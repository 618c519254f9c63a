package io.careline.contracts.complaint;

import java.time.Instant;
import java.util.UUID;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A public reply was sent to the customer; no text travels here (the customer reads it in the app), and internal notes are never announced. {@code firstPublicReply} marks the first public reply by a person, which stops the first-reply clock.
 */
public record ComplaintReplied(
        UUID complaintId,
        String reference,
        UUID messageId,
        Instant repliedAt,
        boolean byPerson,
        boolean firstPublicReply) {

    public static final EventType EVENT = new EventType("ComplaintReplied", 1, Topics.COMPLAINT);
}
