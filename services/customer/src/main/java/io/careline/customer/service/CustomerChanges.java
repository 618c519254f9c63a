package io.careline.customer.service;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.bson.Document;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.repository.DuplicateKey;
import io.smallrye.mutiny.Uni;

/**
 * Every change to a customer: read, decide in Java, write the new state and its events in one conditional update on
 * the version read. When another request changed the customer in between, the change is decided again on the fresh
 * state, so nothing is lost and no decision is taken on stale data (e.g. a code confirmed twice at once counts once).
 */
@ApplicationScoped
public class CustomerChanges {

    private static final int ATTEMPTS = 5;

    private final CustomerRepository customers;

    public CustomerChanges(CustomerRepository customers) {
        this.customers = customers;
    }

    /**
     * What a decision produced: its result, whether (with which events) to write, and a refusal to answer with once
     * written (a wrong code is refused, and its attempt must still count).
     */
    public record Change<T>(T result, boolean write, List<Document> events, CustomerProblem refusal) {

        public static <T> Change<T> none(T result) {
            return new Change<>(result, false, List.of(), null);
        }

        public static <T> Change<T> of(T result, List<Document> events) {
            return new Change<>(result, true, events, null);
        }

        public static <T> Change<T> of(T result, Document... events) {
            return of(result, List.of(events));
        }

        public static <T> Change<T> refusedAfterWrite(CustomerProblem refusal) {
            return new Change<>(null, true, List.of(), refusal);
        }
    }

    /** Applies {@code decision} to the customer; 404 when there is no such customer. */
    public <T> Uni<T> apply(String customerId, Function<Customer, Change<T>> decision) {
        return attempt(customerId, decision, 1);
    }

    private <T> Uni<T> attempt(String customerId, Function<Customer, Change<T>> decision, int attempt) {
        return customers.findById(customerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("there is no customer " + customerId))
                .chain(customer -> {
                    long read = customer.version;
                    Change<T> change = decision.apply(customer);
                    if (!change.write()) {
                        return Uni.createFrom().item(change.result());
                    }
                    customer.verifiedContacts = Contacts.verifiedKeys(customer);
                    customer.partnerKeys = Contacts.partnerKeys(customer);
                    return customers.update(customer, read, change.events())
                            .onFailure(failure -> DuplicateKey.on(failure, CustomerRepository.VERIFIED_CONTACT_INDEX))
                            .transform(CustomerChanges::contactTaken)
                            .chain(written -> {
                                if (written) {
                                    return change.refusal() == null ? Uni.createFrom().item(change.result())
                                            : Uni.createFrom().<T> failure(change.refusal());
                                }
                                if (attempt >= ATTEMPTS) {
                                    return Uni.createFrom().failure(CustomerProblem.conflict("concurrent-change", null,
                                            "the customer is being changed by another request; try again"));
                                }
                                return attempt(customerId, decision, attempt + 1);
                            });
                });
    }

    /** A verified contact another customer holds: 409 naming the field (which customer is not said here). */
    public static CustomerProblem contactTaken(Throwable failure) {
        String key = DuplicateKey.of(failure).map(DuplicateKey::value).orElse("");
        String contact = key.substring(key.indexOf(':') + 1);
        return CustomerProblem.conflict("contact-taken", Contacts.fieldOf(key),
                contact + " is already a verified contact of another customer");
    }
}
