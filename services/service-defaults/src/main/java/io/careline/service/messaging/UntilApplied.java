package io.careline.service.messaging;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How every consumer applies a readable event: again and again, with back-off, until it succeeds. A valid event is
 * owed its effect, so a failure of the store or a bug is never skipped and never dead-lettered; the records behind it
 * wait and the consumer lag shows it. Only an {@link UnreadableEventException} ends the retries (the caller's failure
 * strategy sends that record to the dead-letter topic).
 */
public final class UntilApplied {

    private UntilApplied() {
    }

    /**
     * @param apply the whole effect, called afresh for each try (a failed transaction is run again, not replayed); it
     *        runs on the caller's Vert.x context, where Hibernate Reactive must run, also after a back-off (which
     *        resumes on another thread)
     * @param retrying told of each failure before its retry (to log it)
     */
    public static <T> Uni<T> retried(Supplier<Uni<T>> apply, Duration initialBackOff, Duration maxBackOff,
            Consumer<Throwable> retrying) {
        Context context = Vertx.currentContext();
        Uni<T> attempt = Uni.createFrom().deferred(apply::get);
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(UntilApplied::retryable).invoke(retrying)
                .onFailure(UntilApplied::retryable).retry().withBackOff(initialBackOff, maxBackOff).indefinitely();
    }

    private static boolean retryable(Throwable failure) {
        return !(failure instanceof UnreadableEventException);
    }
}
