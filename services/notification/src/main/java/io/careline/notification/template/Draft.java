package io.careline.notification.template;

import java.time.Instant;
import java.util.Map;

import io.careline.notification.repository.InboxMessage.Kind;

/**
 * What an event asks to tell its customer, before it is put into words: the kind (which template), the template's
 * parameters (times as {@link Instant}s, rendered in the recipient's zone), and the fields the inbox keeps beside the
 * text.
 */
public record Draft(Kind kind, Map<String, Object> params, String complaintId, String complaintReference,
        Instant firstReplyDueAt) {
}
