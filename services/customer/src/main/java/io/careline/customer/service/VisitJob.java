package io.careline.customer.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Looks for overdue visits on every replica; the store, not the scheduler, raises each alert once. */
@ApplicationScoped
public class VisitJob {

    private static final Logger LOG = Logger.getLogger(VisitJob.class);

    private final VisitService visits;
    private final AtomicBoolean running = new AtomicBoolean();

    public VisitJob(VisitService visits) {
        this.visits = visits;
    }

    @Scheduled(identity = "overdue-visits", every = "${careline.customer.visits.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return visits.raiseOverdue()
                .invoke(raised -> LOG.infof("overdue visits: %d raised", raised))
                .onFailure().invoke(failure -> LOG.warnf("overdue visits not checked (%s); the next run tries again", failure.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false))
                .replaceWithVoid();
    }
}
