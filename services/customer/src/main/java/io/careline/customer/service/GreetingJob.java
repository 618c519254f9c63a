package io.careline.customer.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the greetings on every replica, on schedule or when an admin asks; the store, not the scheduler, makes each
 * greeting happen once. One run at a time per replica.
 */
@ApplicationScoped
public class GreetingJob {

    private static final Logger LOG = Logger.getLogger(GreetingJob.class);

    private final GreetingService greetings;
    private final AtomicBoolean running = new AtomicBoolean();

    public GreetingJob(GreetingService greetings) {
        this.greetings = greetings;
    }

    @Scheduled(identity = "greetings", every = "${careline.customer.greetings.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return running.compareAndSet(false, true) ? finish(greetings.run()) : Uni.createFrom().voidItem();
    }

    /**
     * Starts a run in the background, as of {@code at} (null: now), unless one is in progress on this replica (a run over
     * many customers outlasts an HTTP request); false when one is.
     */
    public boolean trigger(Instant at) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        finish(at == null ? greetings.run() : greetings.run(at)).subscribe().with(done -> { });
        return true;
    }

    private Uni<Void> finish(Uni<Integer> run) {
        return run
                .invoke(announced -> LOG.infof("greetings run: %d due", announced))
                .onFailure().invoke(failure -> LOG.warnf("greetings not run (%s); the next run tries again", failure.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> running.set(false))
                .replaceWithVoid();
    }
}
