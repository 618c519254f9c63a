package io.careline.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Consent;
import io.careline.customer.repository.Customer.Erasure;
import io.careline.customer.repository.Customer.LegalHold;
import io.careline.customer.repository.Customer.Visit;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.CustomerChanges.Change;
import io.smallrye.mutiny.Uni;

/**
 * Erasure: the customer's personal data here is pseudonymised (names "[erased]"; birthday, contacts, push tokens and
 * household links removed; consent proofs, visit answers, follow-up notes and survey comments replaced or removed) while what is counted survives (the record, its consents' and
 * subscriptions' history, partner links, region). CustomerErased tells the other services; each confirms, and the
 * erasure is complete once every expected service has. A legal hold blocks it.
 */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final CustomerRepository customers;
    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;

    public ErasureService(CustomerRepository customers, CustomerChanges changes, CustomerEvents events,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.changes = changes;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Whether this call erased the customer (false: it was erased before, and is left as it was). */
    public record Requested(Customer customer, boolean now) {
    }

    public Uni<Requested> erase(String customerId, String requestedBy) {
        return changes.apply(customerId, customer -> {
            if (customer.erased()) {
                return Change.none(new Requested(customer, false));
            }
            if (customer.legalHold != null && customer.legalHold.active) {
                throw CustomerProblem.conflict("legal-hold", null, "a legal hold blocks erasure of this customer"
                        + (customer.legalHold.reason == null ? "" : " (" + customer.legalHold.reason + ")")
                        + "; an admin must lift it first");
            }
            Instant now = now();
            Erasure erasure = new Erasure();
            erasure.requestedAt = now;
            erasure.requestedBy = requestedBy;
            erasure.expected = new ArrayList<>(config.erasure().services());
            customer.erasure = erasure;
            customer.displayName = Customer.ERASED;
            customer.givenName = Customer.ERASED;
            customer.familyName = Customer.ERASED;
            customer.birthday = null;
            customer.emails = new ArrayList<>();
            customer.phones = new ArrayList<>();
            customer.pushTokens = new ArrayList<>();
            customer.household = new ArrayList<>();
            for (Consent consent : customer.consentHistory) {
                consent.proof = Customer.ERASED;
            }
            for (Consent consent : customer.consents) {
                consent.proof = Customer.ERASED;
            }
            // what the customer said in visits and surveys is theirs; that a visit or an answer happened is counted
            for (Visit visit : customer.visits) {
                visit.answers.forEach(answer -> answer.answer = Customer.ERASED);
                visit.confirmationReference = null;
            }
            customer.followUps.forEach(followUp -> followUp.note = null);
            customer.surveys.forEach(survey -> survey.comment = null);
            return Change.of(new Requested(customer, true), events.erased(customer.id, now),
                    events.profileChanged(customer, now));
        });
    }

    public Uni<Customer> setLegalHold(String customerId, boolean active, String reason, String admin) {
        return changes.apply(customerId, customer -> {
            LegalHold hold = new LegalHold();
            hold.active = active;
            hold.reason = reason;
            hold.setBy = admin;
            hold.at = now();
            customer.legalHold = hold;
            return Change.of(customer);
        });
    }

    /**
     * Records that {@code service} erased the customer. Idempotent: a confirmation delivered again (or by two replicas
     * at once) is kept once, by one conditional update. A service not expected is logged and ignored. True if recorded
     * now.
     */
    public Uni<Boolean> recordConfirmation(String customerId, String service, Instant at) {
        if (!config.erasure().services().contains(service)) {
            LOG.warnf("erasure confirmation from %s, which is not an expected service; ignored", service);
            return Uni.createFrom().item(Boolean.FALSE);
        }
        return customers.addErasureConfirmation(customerId, service, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
