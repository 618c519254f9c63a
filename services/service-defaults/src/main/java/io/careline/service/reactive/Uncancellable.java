package io.careline.service.reactive;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Runs store work to its end even when the caller stops waiting. Quarkus REST cancels a request's {@code Uni} when
 * the client's connection closes; reaching a Hibernate Reactive session or transaction mid-flight, that cancellation
 * closes the session under a running statement (HHH000099, "Live transaction detected") and can leave the
 * transaction neither committed nor rolled back. Wrapped here, the work commits whole or rolls back, and only its
 * answer is dropped.
 */
public final class Uncancellable {

    private static final Logger LOG = Logger.getLogger(Uncancellable.class);

    private Uncancellable() {
    }

    /** The work, subscribed on the caller's Vert.x context (where its session lives) and never cancelled from outside. */
    public static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean callerLeft = new AtomicBoolean();
            // before the work ends, only a cancellation terminates the emitter
            emitter.onTermination(() -> callerLeft.set(true));
            work.get().subscribe().with(emitter::complete, failure -> {
                if (callerLeft.get()) {
                    // nobody is left to answer; the store rolled the work back
                    LOG.warnf("work failed after its caller left: %s", failure.toString());
                } else {
                    emitter.fail(failure);
                }
            });
        });
    }
}
