package io.careline.outbox.core;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** When a failed event is tried again, and when it is parked instead. */
public final class RetryPolicy {

    /**
     * Refusals that the same event will get again however often it is sent: parked at once. (An operator may still
     * fix the cause, e.g. grant the ACL or create the topic, and retry it.)
     */
    public static final List<Class<? extends Throwable>> PERMANENT = List.of(RecordTooLargeException.class,
            InvalidTopicException.class, TopicAuthorizationException.class, SerializationException.class,
            InvalidRecordException.class);

    private final int maxAttempts;
    private final long initialMillis;
    private final long maxMillis;

    public RetryPolicy(int maxAttempts, Duration initial, Duration max) {
        this.maxAttempts = maxAttempts;
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    public static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : PERMANENT) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the event is parked after its {@code attempts}-th failed attempt. */
    public boolean park(int attempts, Throwable failure) {
        return attempts >= maxAttempts || permanent(failure);
    }

    /**
     * The wait after the {@code attempts}-th failure: initial × 2^(attempts-1), capped at max, of which the upper half
     * is random ("equal jitter"): below the maximum a wait is never shorter than the one before, and retries spread.
     *
     * @param random a number in [0, 1)
     */
    public long delayMillis(int attempts, double random) {
        long doubled = initialMillis << Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = doubled <= 0 ? maxMillis : Math.min(maxMillis, doubled);
        return ceiling / 2 + (long) (ceiling / 2.0 * random);
    }
}
