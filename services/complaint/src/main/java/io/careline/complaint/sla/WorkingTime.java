package io.careline.complaint.sla;

import java.time.Duration;
import java.time.Instant;

/** How an SLA target is counted: every hour of the clock, or only a business calendar's working hours. */
public interface WorkingTime {

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    Instant plus(Instant start, Duration amount);

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** Calendar hours: every instant counts. */
    WorkingTime CALENDAR_HOURS = new WorkingTime() {
        @Override
        public Instant plus(Instant start, Duration amount) {
            return start.plus(amount);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public String toString() {
            return "calendar hours";
        }
    };
}
