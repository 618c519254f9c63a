package io.careline.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Email;
import io.careline.customer.repository.Customer.HouseholdLink;
import io.careline.customer.repository.Customer.PartnerLink;
import io.careline.customer.repository.Customer.Phone;
import io.careline.customer.repository.Customer.PushToken;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.repository.DuplicateKey;
import io.careline.customer.service.CustomerChanges.Change;
import io.careline.service.rest.PageView;
import io.smallrye.mutiny.Uni;

/**
 * Customers: created by an agent, by a partner (upsert on its external id) or at the first sign-in; read and searched
 * by staff; edited in part by the customer.
 *
 * <p>De-duplication: a verified phone or e-mail belongs to one customer (a unique index). Creating or changing a
 * customer so that it would share one is refused with 409 naming the field: a record is never merged or linked
 * silently, because the second request may come from someone who only knows the number. An agent is told which
 * customer holds it (staff may read every customer); a partner and a customer are not. At the first sign-in, a token's
 * verified e-mail that another customer holds is kept unverified instead, so signing in never fails on it.
 */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerChanges changes, CustomerEvents events,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.changes = changes;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** A partner's upsert: whether the customer was created by it. */
    public record Upserted(Customer customer, boolean created) {
    }

    public Uni<Customer> get(String customerId) {
        return customers.findById(customerId);
    }

    public Uni<Customer> createByAgent(ProfileData profile, String agent) {
        return checkHousehold(profile)
                .chain(() -> newId())
                .chain(id -> insertNew(build(id, profile, "agent:" + agent)))
                .onFailure(failure -> DuplicateKey.on(failure, CustomerRepository.VERIFIED_CONTACT_INDEX))
                .recoverWithUni(this::namingTheHolder);
    }

    /** Creates the partner's customer under its external id, or updates it (fields sent replace, null keeps). */
    public Uni<Upserted> upsertByPartner(String partnerId, String externalId, ProfileData profile) {
        if (profile.household() != null) {
            return Uni.createFrom().failure(CustomerProblem.invalid("household", "is set by care staff only"));
        }
        String key = Contacts.partnerKey(partnerId, externalId);
        return customers.findByPartnerKey(key).chain(existing -> {
            if (existing != null) {
                return updateForPartner(existing.id, profile).map(customer -> new Upserted(customer, false));
            }
            return newId()
                    .map(id -> {
                        Customer customer = build(id, profile, "partner:" + partnerId);
                        PartnerLink link = new PartnerLink();
                        link.partnerId = partnerId;
                        link.externalId = externalId;
                        link.linkedAt = customer.createdAt;
                        customer.partners.add(link);
                        return customer;
                    })
                    .chain(this::insertNew)
                    .map(customer -> new Upserted(customer, true))
                    .onFailure(failure -> DuplicateKey.on(failure, CustomerRepository.VERIFIED_CONTACT_INDEX))
                    .transform(CustomerChanges::contactTaken)
                    // the same external id sent twice at once: the other request created it, so this one updates
                    .onFailure(failure -> DuplicateKey.on(failure, CustomerRepository.PARTNER_KEY_INDEX))
                    .recoverWithUni(() -> customers.findByPartnerKey(key)
                            .chain(created -> updateForPartner(created.id, profile))
                            .map(customer -> new Upserted(customer, false)));
        });
    }

    public Uni<Customer> findForPartner(String partnerId, String externalId) {
        return customers.findByPartnerKey(Contacts.partnerKey(partnerId, externalId));
    }

    /** The signed-in customer's record, made from their token the first time they ask for it. */
    public Uni<Customer> mine(SignIn signIn) {
        return customers.findById(signIn.customerId())
                .chain(found -> found != null ? Uni.createFrom().item(found) : createAtSignIn(signIn, signIn.emailVerified()));
    }

    public Uni<Customer> editMine(SignIn signIn, ProfileEdit edit) {
        return mine(signIn).chain(existing -> changes.apply(existing.id, customer -> {
            requireNotErased(customer);
            if (edit.displayName() != null) {
                customer.displayName = edit.displayName().strip();
            }
            if (edit.locale() != null) {
                customer.locale = edit.locale();
            }
            if (edit.timezone() != null) {
                customer.timezone = edit.timezone();
            }
            if (edit.preferredChannel() != null) {
                customer.preferredChannel = edit.preferredChannel();
            }
            if (edit.emails() != null) {
                Set<String> verified = customer.emails.stream().filter(email -> email.verified)
                        .map(email -> email.address).collect(Collectors.toSet());
                customer.emails = edit.emails().stream().map(email -> Contacts.email(email.address())).distinct()
                        .map(address -> new Email(address, verified.contains(address))).collect(Collectors.toCollection(ArrayList::new));
            }
            if (edit.phones() != null) {
                Set<String> verified = customer.phones.stream().filter(phone -> phone.verified)
                        .map(phone -> phone.number).collect(Collectors.toSet());
                List<Phone> phones = new ArrayList<>();
                for (int i = 0; i < edit.phones().size(); i++) {
                    String number = phone(edit.phones().get(i).number(), "phones[" + i + "].number");
                    if (phones.stream().noneMatch(phone -> phone.number.equals(number))) {
                        phones.add(new Phone(number, verified.contains(number)));
                    }
                }
                customer.phones = phones;
            }
            if (edit.pushTokens() != null) {
                customer.pushTokens = edit.pushTokens().stream().map(input -> {
                    PushToken token = new PushToken();
                    token.token = input.token();
                    token.platform = input.platform();
                    token.verified = true; // registered by the customer's own signed-in app
                    return token;
                }).collect(Collectors.toCollection(ArrayList::new));
            }
            return Change.of(customer, events.profileChanged(customer, now()));
        }));
    }

    /**
     * Staff search: by part of a name, or an exact e-mail, phone, partner external id or customer id, ordered by id.
     * {@code q} null lists everyone.
     */
    public Uni<PageView<Customer>> search(String q, int page, int size) {
        String text = q == null || q.isBlank() ? null : q.strip();
        String email = text != null && text.contains("@") ? Contacts.email(text) : null;
        String phone = text != null && text.matches(Contacts.PHONE_INPUT) ? Contacts.phone(text) : null;
        Bson filter = CustomerRepository.searchFilter(text, email, phone);
        long skip = (long) page * size;
        Uni<List<Customer>> items = skip > Integer.MAX_VALUE ? Uni.createFrom().item(List.of())
                : customers.search(filter, (int) skip, size);
        return Uni.combine().all().unis(items, customers.count(filter))
                .with((found, total) -> new PageView<>(found, page, size, total));
    }

    static void requireNotErased(Customer customer) {
        if (customer.erased()) {
            throw CustomerProblem.conflict("erased", null, "this customer's personal data was erased");
        }
    }

    private Uni<Customer> updateForPartner(String customerId, ProfileData profile) {
        return changes.apply(customerId, customer -> {
            requireNotErased(customer);
            apply(customer, profile);
            return Change.of(customer, events.profileChanged(customer, now()));
        });
    }

    private Uni<Customer> createAtSignIn(SignIn signIn, boolean emailVerified) {
        Customer customer = newCustomer(signIn.customerId(), "sign-in");
        customer.givenName = signIn.givenName();
        customer.familyName = signIn.familyName();
        customer.displayName = signIn.name() != null ? signIn.name()
                : joined(signIn.givenName(), signIn.familyName(), signIn.customerId());
        customer.locale = signIn.locale();
        if (signIn.email() != null && !signIn.email().isBlank()) {
            customer.emails.add(new Email(Contacts.email(signIn.email()), emailVerified));
        }
        return insertNew(customer)
                // asked twice at once: the other request made it
                .onFailure(failure -> DuplicateKey.of(failure).filter(DuplicateKey::onId).isPresent())
                .recoverWithUni(() -> customers.findById(signIn.customerId()))
                .onFailure(failure -> emailVerified && DuplicateKey.on(failure, CustomerRepository.VERIFIED_CONTACT_INDEX))
                .recoverWithUni(() -> createAtSignIn(signIn, false));
    }

    private Uni<Customer> insertNew(Customer customer) {
        customer.verifiedContacts = Contacts.verifiedKeys(customer);
        customer.partnerKeys = Contacts.partnerKeys(customer);
        return customers.insert(customer, events.profileChanged(customer, customer.createdAt)).replaceWith(customer);
    }

    private Uni<String> newId() {
        return customers.nextNumber().map(number -> "C-" + (config.ids().first() - 1 + number));
    }

    private Uni<Customer> namingTheHolder(Throwable failure) {
        String key = DuplicateKey.of(failure).map(DuplicateKey::value).orElse("");
        String contact = key.substring(key.indexOf(':') + 1);
        return customers.findByVerifiedContact(key).chain(holder -> Uni.createFrom().failure(CustomerProblem.conflict(
                "contact-taken", Contacts.fieldOf(key), contact + " is already a verified contact of customer "
                        + (holder == null ? "another customer" : holder.id) + "; use that customer")));
    }

    private Uni<Void> checkHousehold(ProfileData profile) {
        if (profile.household() == null || profile.household().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = profile.household().stream().map(ProfileData.Household::customerId).distinct().toList();
        return customers.countExisting(ids).invoke(found -> {
            if (found != ids.size()) {
                throw CustomerProblem.invalid("household", "names a customer that does not exist");
            }
        }).replaceWithVoid();
    }

    private Customer build(String id, ProfileData profile, String createdBy) {
        Customer customer = newCustomer(id, createdBy);
        apply(customer, profile);
        if (customer.displayName == null) {
            customer.displayName = joined(customer.givenName, customer.familyName, null);
        }
        if (customer.displayName == null) {
            throw CustomerProblem.invalid("displayName", "is required when givenName and familyName are absent");
        }
        if (profile.household() != null) {
            customer.household = profile.household().stream().map(input -> {
                HouseholdLink link = new HouseholdLink();
                link.customerId = input.customerId();
                link.role = input.role();
                return link;
            }).collect(Collectors.toCollection(ArrayList::new));
        }
        return customer;
    }

    /** Sets what the profile carries; a field it leaves out (null) stays as it is. */
    private static void apply(Customer customer, ProfileData profile) {
        if (profile.displayName() != null) {
            customer.displayName = profile.displayName().strip();
        }
        if (profile.givenName() != null) {
            customer.givenName = profile.givenName().strip();
        }
        if (profile.familyName() != null) {
            customer.familyName = profile.familyName().strip();
        }
        if (profile.birthday() != null) {
            customer.birthday = profile.birthday().toString();
        }
        if (profile.locale() != null) {
            customer.locale = profile.locale();
        }
        if (profile.timezone() != null) {
            customer.timezone = profile.timezone();
        }
        if (profile.region() != null) {
            customer.region = profile.region().strip();
        }
        if (profile.preferredChannel() != null) {
            customer.preferredChannel = profile.preferredChannel();
        }
        if (profile.emails() != null) {
            customer.emails = new ArrayList<>();
            for (ProfileData.VerifiableEmail input : profile.emails()) {
                String address = Contacts.email(input.address());
                customer.emails.removeIf(email -> email.address.equals(address));
                customer.emails.add(new Email(address, input.verified()));
            }
        }
        if (profile.phones() != null) {
            customer.phones = new ArrayList<>();
            for (int i = 0; i < profile.phones().size(); i++) {
                String number = phone(profile.phones().get(i).number(), "phones[" + i + "].number");
                customer.phones.removeIf(phone -> phone.number.equals(number));
                customer.phones.add(new Phone(number, profile.phones().get(i).verified()));
            }
        }
    }

    private Customer newCustomer(String id, String createdBy) {
        Customer customer = new Customer();
        customer.id = id;
        customer.createdAt = now();
        customer.createdBy = createdBy;
        return customer;
    }

    private static String phone(String input, String field) {
        String number = Contacts.phone(input);
        if (number == null) {
            throw CustomerProblem.invalid(field, Contacts.PHONE_MESSAGE);
        }
        return number;
    }

    private static String joined(String given, String family, String fallback) {
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? fallback : joined;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // MongoDB's precision: what is returned equals what is stored
    }
}
