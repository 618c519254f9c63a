package io.careline.notification.messaging;

import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerErased;
import io.careline.contracts.customer.CustomerProfileChanged;

/**
 * Reads the customer topic's events that feed the recipient directory: profiles (language, zone, addresses),
 * consents (preferences per purpose and channel) and erasure. Every other event on that topic is skipped. The customer
 * is the envelope's (the record's key), so an erasure whose data lacks its own copy of the id is still applied.
 */
@Singleton // no client proxy: the base class has no no-args constructor
public class CustomerEventReader extends EnvelopeReader {

    private static final List<Known> KNOWN = List.of(
            new Known(CustomerProfileChanged.EVENT, CustomerProfileChanged.class, List.of()),
            new Known(ConsentChanged.EVENT, ConsentChanged.class, List.of("purpose", "channel", "granted", "at")),
            new Known(CustomerErased.EVENT, CustomerErased.class, List.of()));

    public CustomerEventReader(ObjectMapper json) {
        super(json, KNOWN);
    }
}
