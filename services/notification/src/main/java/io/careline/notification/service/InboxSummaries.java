package io.careline.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.InboxMessage.Counted;
import io.careline.notification.repository.InboxMessageRepository;
import io.careline.notification.repository.InboxSummaryRepository;
import io.smallrye.mutiny.Uni;

/**
 * Brings a customer's summary in line with one message, after its insert or its reading. No transaction: the message
 * is written first (with {@code summaryPendingSince}), then each step it still needs (counting the insert, counting the
 * reading) applies to the summary under a marker, then one write records {@code counted} and clears the pending flag.
 * A crash between two writes leaves the message pending; running this again (a redelivery, a second mark-read, or
 * {@link InboxSummarySweep}) finds the markers applied and only finishes the message's side. {@code counted} keeps a
 * settled change from being applied again once its marker has left the summary's window. So every change is counted exactly once, whatever the order of concurrent settlings.
 */
@ApplicationScoped
public class InboxSummaries {

    private final InboxMessageRepository messages;
    private final InboxSummaryRepository summaries;

    public InboxSummaries(InboxMessageRepository messages, InboxSummaryRepository summaries) {
        this.messages = messages;
        this.summaries = summaries;
    }

    public Uni<Void> settle(InboxMessage message) {
        Uni<Boolean> steps = Uni.createFrom().item(Boolean.TRUE);
        if (message.counted == null) {
            steps = summaries.apply(message.customerId, "i:" + message.id.toHexString(), 1, 1);
        }
        if (message.readAt != null && message.counted != Counted.READ) {
            steps = steps.chain(() -> summaries.apply(message.customerId, "r:" + message.id.toHexString(), 0, -1));
        }
        return steps.chain(() -> messages.settled(message.id, message.countedTarget()));
    }
}
