package io.careline.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Consent;
import io.careline.customer.service.CustomerChanges.Change;
import io.smallrye.mutiny.Uni;

/**
 * Consent per purpose and channel. Each change is appended to the customer's consent history (who, when, how, against
 * which wording) in the same update that changes the consent in force, and is announced by ConsentChanged.
 */
@ApplicationScoped
public class ConsentService {

    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final Clock clock;

    public ConsentService(CustomerChanges changes, CustomerEvents events, Clock clock) {
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets the consents; {@code source} is who records them (app, agent, partner) and {@code evidence} what identifies
     * the session they were given in.
     */
    public Uni<Customer> set(String customerId, ConsentChange change, String source, String evidence) {
        return changes.apply(customerId, customer -> {
            CustomerService.requireNotErased(customer);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<Document> announced = new ArrayList<>();
            for (ConsentChange.Item item : change.consents()) {
                Consent current = customer.consents.stream()
                        .filter(consent -> consent.purpose == item.purpose() && consent.channel == item.channel())
                        .findFirst().orElse(null);
                if (current != null && current.granted == item.granted()) {
                    continue;
                }
                Consent consent = new Consent();
                consent.purpose = item.purpose();
                consent.channel = item.channel();
                consent.granted = item.granted();
                consent.source = source;
                consent.at = at;
                consent.proof = evidence + (item.wording() == null || item.wording().isEmpty() ? "" : "; wording " + item.wording());
                customer.consents.remove(current);
                customer.consents.add(consent);
                customer.consentHistory.add(consent);
                announced.add(events.consentChanged(customer.id, consent));
            }
            return announced.isEmpty() ? Change.none(customer) : Change.of(customer, announced);
        });
    }
}
