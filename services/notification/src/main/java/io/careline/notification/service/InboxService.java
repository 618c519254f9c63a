package io.careline.notification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.types.ObjectId;

import io.careline.notification.repository.InboxMessage;
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
