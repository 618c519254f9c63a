package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A service has pseudonymised the customer's personal data after {@link CustomerErased}. Each service publishes it on
 * its own topic, keyed by the customer, through its outbox in the transaction that erased: once per customer (a
 * redelivered CustomerErased confirms nothing new; confirming again is harmless). {@code service} is the publisher's
 * name as the customer service expects it ({@code careline.customer.erasure.services}); {@code at} is when the
 * erasure was applied there. The customer service records one confirmation per service and reports erasure complete
 * once every expected service confirmed.
 */
public record ErasureConfirmed(
        String customerId,
        String service,
        Instant at) {

    public static final String NAME = "ErasureConfirmed";

    /** The complaint service's confirmation, on careline.complaint.v1 ({@code service} = complaint). */
    public static final EventType COMPLAINT = new EventType(NAME, 1, Topics.COMPLAINT);
    /** The claim-care service's confirmation, on careline.care.v1 ({@code service} = claim-care). */
    public static final EventType CARE = new EventType(NAME, 1, Topics.CARE);
    /** The notification service's confirmation, on careline.notification.v1 ({@code service} = notification). */
    public static final EventType NOTIFICATION = new EventType(NAME, 1, Topics.NOTIFICATION);
}
