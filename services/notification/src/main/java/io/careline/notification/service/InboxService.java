package io.careline.notification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.types.ObjectId;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.InboxMessage.Kind;
import io.careline.notification.repository.InboxMessageRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxService {

    private final InboxMessageRepository messages;
    private final MeterRegistry metrics;

    public InboxService(InboxMessageRepository messages, MeterRegistry metrics) {
        this.messages = messages;
        this.metrics = metrics;
    }

    /**
     * Puts the acknowledgement of a received complaint into its customer's inbox, once per event: true if it was
     * created now, false if this event was applied before (a redelivery).
     */
    public Uni<Boolean> acknowledge(EventEnvelope<ComplaintReceived> event) {
        ComplaintReceived complaint = event.data();
        InboxMessage message = new InboxMessage();
        message.id = new ObjectId();
        message.customerId = event.customerId();
        message.kind = Kind.COMPLAINT_ACKNOWLEDGEMENT;
        message.title = Acknowledgements.title(complaint);
        message.body = Acknowledgements.body(complaint);
        message.complaintId = complaint.complaintId().toString();
        message.complaintReference = complaint.reference();
        message.firstReplyDueAt = complaint.firstReplyDueAt();
        message.createdAt = now();
        message.sourceEventId = event.id().toString();
        return messages.insertOnce(message)
                .invoke(created -> {
                    if (created) {
                        metrics.counter("careline.inbox.messages.created", "kind", message.kind.name()).increment();
                    }
                });
    }

    /** The customer's messages, newest first; {@code page} and {@code size} were validated (PageRequest). */
    public Uni<InboxPage> pageOwned(String customerId, int page, int size) {
        long skip = (long) page * size;
        Uni<List<InboxMessage>> items = skip > Integer.MAX_VALUE
                ? Uni.createFrom().item(List.of()) // far past the end of any inbox
                : messages.pageOwned(customerId, (int) skip, size);
        return Uni.combine().all().unis(items, messages.countOwned(customerId), messages.countUnread(customerId))
                .with(InboxPage::new);
    }

    /** False when the customer has no message with this id: unknown and someone else's look the same. */
    public Uni<Boolean> markRead(String customerId, String messageId) {
        if (!ObjectId.isValid(messageId)) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        return messages.markReadOwned(customerId, new ObjectId(messageId), now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS); // MongoDB's precision, so what we return equals what is stored
    }
}
