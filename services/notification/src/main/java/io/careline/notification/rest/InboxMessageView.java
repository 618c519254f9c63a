package io.careline.notification.rest;

import java.time.Instant;

import io.careline.notification.repository.InboxMessage;

/** A message as its customer sees it; times are UTC, for the app to show in the customer's zone. */
public record InboxMessageView(
        String id,
        String kind,
        String title,
        String body,
        String complaintId,
        String complaintReference,
        Instant firstReplyDueAt,
        Instant createdAt,
        Instant readAt) {

    static InboxMessageView of(InboxMessage message) {
        return new InboxMessageView(message.id.toHexString(), message.kind.name(), message.title, message.body,
                message.complaintId, message.complaintReference, message.firstReplyDueAt, message.createdAt,
                message.readAt);
    }
}
