package io.careline.notification.repository;

import java.time.Instant;

import org.bson.types.ObjectId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One message in a customer's in-app inbox. Times are UTC instants; the apps format them in the customer's zone.
 * {@code sourceEventId} is unique (index created at startup): it is how an event delivered twice becomes one message.
 */
@MongoEntity(collection = "inbox_message")
public class InboxMessage {

    /** One per kind of notice, each with its own words (the classes in the service package). */
    public enum Kind {
        COMPLAINT_ACKNOWLEDGEMENT, COMPLAINT_REPLY, COMPLAINT_RESOLVED, COMPLAINT_REOPENED, COMPLAINT_CLOSED,
        COMPENSATION_GRANTED, INCIDENT_RESOLVED, DRAW_WON
    }

    /** What the customer's {@link InboxSummary} counts this message as; null until its insert reached the summary. */
    public enum Counted { UNREAD, READ }

    public ObjectId id;

    public String customerId;

    public Kind kind;

    public String title;

    public String body;

    /** The complaint the message is about; null for an incident or a draw. */
    public String complaintId;

    public String complaintReference;

    public Instant firstReplyDueAt;

    public Instant createdAt;

    /** Null until the customer reads it. */
    public Instant readAt;

    /** The id of the event envelope this message was made from. */
    public String sourceEventId;

    /** The summary's view of this message, recorded when a change is settled: null until its insert was. */
    public Counted counted;

    /**
     * Set when a change of this message (its insert, its reading) has still to reach the summary, cleared once it has:
     * what {@link io.careline.notification.service.InboxSummarySweep} looks for after a crash between the two writes.
     */
    public Instant summaryPendingSince;

    /** The state the summary must show for this message. */
    public Counted countedTarget() {
        return readAt == null ? Counted.UNREAD : Counted.READ;
    }
}
