package io.careline.customer;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.careline.testing.AdjustableClock;

/** The service's clock in tests: real time plus an offset a test moves forward (and resets). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends AdjustableClock {
}
