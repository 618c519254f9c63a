package io.careline.notification.service;

import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.notification.config.InboxConfig;
import io.careline.notification.repository.InboxMessageRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Finishes changes a crash left between the message's write and the summary's: messages still pending after the
 * grace period are settled again (idempotent by marker). Any replica may run it, and two at once count nothing twice.
 */
@ApplicationScoped
public class InboxSummarySweep {

    private static final Logger LOG = Logger.getLogger(InboxSummarySweep.class);

    private final InboxMessageRepository messages;
    private final InboxSummaries settling;
    private final InboxConfig config;

    public InboxSummarySweep(InboxMessageRepository messages, InboxSummaries settling, InboxConfig config) {
        this.messages = messages;
        this.settling = settling;
        this.config = config;
    }

    @Scheduled(every = "${careline.notification.inbox.sweep-every}", delayed = "${careline.notification.inbox.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().invoke(settled -> {
            if (settled > 0) {
                LOG.infof("inbox summary: settled %d message(s) left pending", settled);
            }
        }).onFailure().invoke(failure -> LOG.warnf("inbox summary sweep failed (%s); next round retries", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round: how many pending messages it settled. */
    public Uni<Integer> sweep() {
        Instant olderThan = Instant.now().minus(config.sweepGrace());
        return messages.pendingSince(olderThan, config.sweepBatch())
                .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
                .onItem().transformToUniAndConcatenate(message -> settling.settle(message).replaceWith(1))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
