package io.careline.notification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.types.ObjectId;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.CompensationGranted;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.complaint.ComplaintResolved;
import io.careline.contracts.complaint.ComplaintStatusChanged;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.contracts.complaint.IncidentResolved;
import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.InboxMessage.Kind;
import io.careline.notification.repository.InboxMessageRepository;
import io.careline.notification.repository.InboxSummaryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxService {

    private final InboxMessageRepository messages;
    private final InboxSummaryRepository summaries;
    private final InboxSummaries settling;
    private final MeterRegistry metrics;

    public InboxService(InboxMessageRepository messages, InboxSummaryRepository summaries, InboxSummaries settling,
            MeterRegistry metrics) {
        this.messages = messages;
        this.summaries = summaries;
        this.settling = settling;
        this.metrics = metrics;
    }

    /**
     * Puts the message this event calls for into its customer's inbox, once per event: true if it was created now,
     * false if this event was applied before (a redelivery) or calls for no message (most status changes).
     */
    public Uni<Boolean> notifyOf(EventEnvelope<?> event) {
        return compose(event).map(this::deliver).orElseGet(() -> Uni.createFrom().item(Boolean.FALSE));
    }

    /** What the event's message is about, for the log: its complaint's id, or the event's own id. */
    public static String subjectOf(EventEnvelope<?> event) {
        return compose(event).map(message -> message.complaintId).map(complaintId -> "complaint " + complaintId)
                .orElse("event " + event.id());
    }

    /** The message for a readable event (see the reader), without its id and times; empty when none is due. */
    static Optional<InboxMessage> compose(EventEnvelope<?> event) {
        Object data = event.data();
        InboxMessage message = new InboxMessage();
        if (data instanceof ComplaintReceived complaint) {
            message.kind = Kind.COMPLAINT_ACKNOWLEDGEMENT;
            message.title = Acknowledgements.title(complaint);
            message.body = Acknowledgements.body(complaint);
            about(message, complaint.complaintId(), complaint.reference());
            message.firstReplyDueAt = complaint.firstReplyDueAt();
        } else if (data instanceof ComplaintReplied reply) {
            message.kind = Kind.COMPLAINT_REPLY;
            message.title = Replies.title(reply);
            message.body = Replies.body(reply);
            about(message, reply.complaintId(), reply.reference());
        } else if (data instanceof ComplaintResolved resolved) {
            message.kind = Kind.COMPLAINT_RESOLVED;
            message.title = Resolutions.title(resolved);
            message.body = Resolutions.body(resolved);
            about(message, resolved.complaintId(), resolved.reference());
        } else if (data instanceof ComplaintStatusChanged change) {
            Optional<Kind> kind = StatusChanges.kindOf(change);
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            message.kind = kind.get();
            message.title = StatusChanges.title(message.kind, change);
            message.body = StatusChanges.body(message.kind, change);
            about(message, change.complaintId(), change.reference());
        } else if (data instanceof CompensationGranted granted) {
            message.kind = Kind.COMPENSATION_GRANTED;
            message.title = Compensations.title(granted);
            message.body = Compensations.body(granted);
            about(message, granted.complaintId(), granted.reference());
        } else if (data instanceof IncidentResolved incident) {
            message.kind = Kind.INCIDENT_RESOLVED;
            message.title = IncidentResolutions.title(incident);
            message.body = IncidentResolutions.body(incident);
        } else if (data instanceof DrawWinnersAnnounced draw) {
            message.kind = Kind.DRAW_WON;
            message.title = DrawWins.title(draw);
            message.body = DrawWins.body(draw);
        } else {
            // the reader returns only the types above: another one here is a bug, retried rather than lost
            throw new IllegalStateException("no message is defined for " + event.type() + " v" + event.version());
        }
        message.customerId = event.customerId();
        message.sourceEventId = event.id().toString();
        return Optional.of(message);
    }

    private static void about(InboxMessage message, UUID complaintId, String reference) {
        message.complaintId = complaintId.toString();
        message.complaintReference = reference;
    }

    /**
     * Inserts the message (once per {@code sourceEventId}) and counts it in the summary: true if inserted now. A
     * redelivery finishes what a crash may have left undone (the message written, the summary not yet).
     */
    public Uni<Boolean> deliver(InboxMessage message) {
        message.id = new ObjectId();
        message.createdAt = now();
        message.summaryPendingSince = message.createdAt;
        return messages.insertOnce(message).call(created -> {
            if (created) {
                metrics.counter("careline.inbox.messages.created", "kind", message.kind.name()).increment();
                return settling.settle(message);
            }
            return messages.bySourceEvent(message.sourceEventId)
                    .chain(stored -> stored != null && stored.summaryPendingSince != null
                            ? settling.settle(stored)
                            : Uni.createFrom().voidItem());
        });
    }

    /**
     * The customer's messages below the cursor (from the newest when null), newest first, and their counts from the
     * summary: two reads by key, whatever the length of the history.
     */
    public Uni<InboxPage> pageOwned(String customerId, InboxCursor before, int size) {
        Uni<List<InboxMessage>> items = before == null
                ? messages.pageOwned(customerId, null, null, size + 1)
                : messages.pageOwned(customerId, before.createdAt(), before.id(), size + 1);
        return Uni.combine().all().unis(items, summaries.of(customerId)).with((found, summary) -> {
            boolean more = found.size() > size;
            List<InboxMessage> page = more ? found.subList(0, size) : found;
            return new InboxPage(page, Math.max(0, summary.total), Math.max(0, summary.unread),
                    more ? InboxCursor.after(page.get(page.size() - 1)) : null);
        });
    }

    /**
     * False when the customer has no message with this id: unknown and someone else's look the same. Marking a read
     * message again settles it, so a retry after a crash also repairs the summary.
     */
    public Uni<Boolean> markRead(String customerId, String messageId) {
        if (!ObjectId.isValid(messageId)) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        ObjectId id = new ObjectId(messageId);
        return messages.markUnreadRead(customerId, id, now()).chain(marked -> marked.isPresent()
                ? settling.settle(marked.get()).replaceWith(Boolean.TRUE)
                : messages.owned(customerId, id).chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().item(Boolean.FALSE);
                    }
                    return found.summaryPendingSince == null
                            ? Uni.createFrom().item(Boolean.TRUE)
                            : settling.settle(found).replaceWith(Boolean.TRUE);
                }));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS); // MongoDB's precision, so what we return equals what is stored
    }
}
