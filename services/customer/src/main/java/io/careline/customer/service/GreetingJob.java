package io.careline.customer.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the greetings on every replica; the store, not the scheduler, makes each greeting happen once. */
@ApplicationScoped
public class GreetingJob {

    private static final Logger LOG = Logger.getLogger(GreetingJob.class);

    private final GreetingService greetings;

    public GreetingJob(GreetingService greetings) {
        this.greetings = greetings;
    }

    @Scheduled(identity = "greetings", every = "${careline.customer.greetings.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return greetings.run()
                .invoke(announced -> {
                    if (announced > 0) {
                        LOG.infof("%d greetings due", announced);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("greetings not run (%s); the next run tries again", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
