package io.careline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests control: the real time moved by an offset ({@link #advance}), or a fixed instant ({@link #set}),
 * until {@link #reset}. Always UTC, as the services' clocks are. A service's tests make it its Clock bean with a
 * subclass of their own, e.g. {@code @Alternative @Priority(1) @Singleton class TestClock extends AdjustableClock {}}.
 */
public class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    /** Moves the time forward (from the fixed instant, when one is set). */
    public void advance(Duration by) {
        Instant at = fixed;
        if (at != null) {
            fixed = at.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Stops the time at this instant. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the services work in UTC; convert at the edge");
        }
        return this;
    }
}
