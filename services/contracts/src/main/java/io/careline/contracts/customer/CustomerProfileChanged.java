package io.careline.contracts.customer;

import java.util.List;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A customer's profile as it is now, in full: sent when the customer is created and on every change, so a consumer
 * keeps the latest snapshot and needs no earlier event. {@code birthday} is {@code yyyy-MM-dd} or null; after erasure
 * the names read "[erased]" and the contact lists are empty.
 */
public record CustomerProfileChanged(
        String customerId,
        String displayName,
        String locale,
        String timezone,
        String region,
        List<Email> emails,
        List<Phone> phones,
        String preferredChannel,
        String birthday) {

    public static final EventType EVENT = new EventType("CustomerProfileChanged", 1, Topics.CUSTOMER);

    /** An e-mail address, lower-cased; {@code verified} once it was proven to be the customer's. */
    public record Email(String address, boolean verified) {
    }

    /** A phone number in E.164 ({@code +4915112345678}). */
    public record Phone(String number, boolean verified) {
    }
}
