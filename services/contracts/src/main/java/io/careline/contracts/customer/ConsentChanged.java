package io.careline.contracts.customer;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A customer gave or withdrew consent for one purpose on one channel. {@code purpose}: marketing, greetings, service,
 * data_sharing; {@code channel}: email, sms, push, in_app or any. {@code source} says who recorded it (app, agent,
 * partner). Senders check the latest consent before every message.
 */
public record ConsentChanged(
        String customerId,
        String purpose,
        String channel,
        boolean granted,
        String source,
        Instant at) {

    public static final EventType EVENT = new EventType("ConsentChanged", 1, Topics.CUSTOMER);
}
