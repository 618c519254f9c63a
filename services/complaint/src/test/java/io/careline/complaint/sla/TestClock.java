package io.careline.complaint.sla;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.testing.AdjustableClock;

/** Replaces the service's system clock in tests: the SLA code reads the time a test set, or the real time after reset. */
@ApplicationScoped
public class TestClock extends AdjustableClock {
}
