package io.careline.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.notification.repository.DeliveryRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the queued deliveries that became due: those quiet hours held back, and those whose sender died before it
 * finished (its claim expired). Each is claimed first, so two replicas running this at once send it once.
 */
@ApplicationScoped
public class DeliveryRelease {

    private static final Logger LOG = Logger.getLogger(DeliveryRelease.class);
    static final int BATCH = 100;

    private final DeliveryRepository deliveries;
    private final DeliveryService service;

    public DeliveryRelease(DeliveryRepository deliveries, DeliveryService service) {
        this.deliveries = deliveries;
        this.service = service;
    }

    @Scheduled(every = "${careline.notification.delivery.release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${careline.notification.delivery.release-every}")
    Uni<Void> scheduled() {
        return releaseDue().onFailure().invoke(failure -> LOG.warnf("releasing due deliveries failed: %s", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One round: at most {@value #BATCH} due deliveries, one after the other; how many there were. */
    public Uni<Integer> releaseDue() {
        return deliveries.due(Instant.now(), BATCH).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(service::release)
                .collect().asList().replaceWith(due.size()));
    }
}
