package io.careline.claimcare.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Looks for missed visits on a schedule (careline.care.overdue-check-every); each miss is raised once. */
@ApplicationScoped
public class OverdueCheck {

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);

    private final CareService care;

    public OverdueCheck(CareService care) {
        this.care = care;
    }

    @Scheduled(identity = "care-overdue-check", every = "${careline.care.overdue-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return care.raiseOverdue()
                .invoke(raised -> {
                    if (raised > 0) {
                        LOG.infof("raised %d overdue visits", raised);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("overdue check failed; the next run retries: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
