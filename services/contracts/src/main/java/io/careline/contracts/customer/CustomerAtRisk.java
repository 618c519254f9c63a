package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * The customer's satisfaction fell into the at-risk zone (from {@code previousZone}, null for a first score): for care
 * staff, and for the customer's officer when they have one. Published once per entry into the zone.
 */
public record CustomerAtRisk(
        String customerId,
        int satisfaction,
        String previousZone,
        String officer,
        Instant at) {

    public static final EventType EVENT = new EventType("CustomerAtRisk", 1, Topics.CUSTOMER);
}
