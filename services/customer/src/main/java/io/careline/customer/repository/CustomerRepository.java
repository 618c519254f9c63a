package io.careline.customer.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.careline.customer.repository.Customer.ErasureConfirmation;
import io.careline.outbox.mongo.MongoOutbox;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements ReactivePanacheMongoRepositoryBase<Customer, String> {

    private static final Logger LOG = Logger.getLogger(CustomerRepository.class);

    /** Two customers never share a verified phone or e-mail. */
    public static final String VERIFIED_CONTACT_INDEX = "verified_contact_unique";
    /** A partner's external id names one customer. */
    public static final String PARTNER_KEY_INDEX = "partner_key_unique";

    private static final String COUNTERS = "counter";
    /** The birthdays' month and day (and the customer, to make it unique), looked up by the greetings. */
    public static final String BIRTHDAY_INDEX = "birthday_key_unique";

    /**
     * The fields a change rewrites, each with $set or $unset: all but the id and the version (incremented). The
     * document is never replaced as a whole, which would drop the events waiting in its outbox.
     */
    private static final List<Field> STATE = Arrays.stream(Customer.class.getFields())
            .filter(field -> !Modifier.isStatic(field.getModifiers()))
            .filter(field -> !List.of("id", "version").contains(field.getName()))
            .toList();

    private static final Pattern MONTH_DAY = Pattern.compile("\\d\\d-\\d\\d");

    private final MongoOutbox outbox;
    private volatile boolean indexed;

    public CustomerRepository(MongoOutbox outbox) {
        this.outbox = outbox;
    }

    void createIndexesAtStartup(@Observes StartupEvent event) {
        ensureIndexes().subscribe().with(
                done -> LOG.debug("customer indexes in place"),
                failure -> LOG.warnf("customer indexes not created yet (%s); the first write tries again", failure.toString()));
    }

    /**
     * Idempotent. Sparse, so customers without a verified contact (or without a partner) do not collide on "none". A
     * failure fails every write: no customer is written before the unique indexes exist.
     */
    public Uni<Void> ensureIndexes() {
        if (indexed) {
            return Uni.createFrom().voidItem();
        }
        return mongoCollection()
                .createIndex(Indexes.ascending("verifiedContacts"),
                        new IndexOptions().name(VERIFIED_CONTACT_INDEX).unique(true).sparse(true))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("partnerKeys"),
                        new IndexOptions().name(PARTNER_KEY_INDEX).unique(true).sparse(true)))
                // search by e-mail and phone, verified or not
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("emails.address"), new IndexOptions().name("email")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("phones.number"), new IndexOptions().name("phone")))
                .chain(() -> mongoCollection().createIndex(Indexes.ascending("birthdayKey"),
                        new IndexOptions().name(BIRTHDAY_INDEX).unique(true).sparse(true)))
                .chain(this::backfillBirthdayKeys)
                .invoke(() -> indexed = true)
                .replaceWithVoid();
    }

    /** The next id this service issues: one atomic increment of a counter document, so replicas never share one. */
    public Uni<Long> nextNumber() {
        return mongoDatabase().getCollection(COUNTERS)
                .findOneAndUpdate(eq("_id", "customer"), Updates.inc("seq", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(counter -> counter.get("seq", Number.class).longValue());
    }

    /**
     * Inserts a new customer with its first event in its outbox: one write. The entity is encoded by the collection's
     * own codec, so the stored fields are those every later read and update sees.
     */
    public Uni<Void> insert(Customer customer, Document event) {
        customer.birthdayKey = birthdayKey(customer);
        BsonDocument encoded = new BsonDocumentWrapper<>(customer, mongoCollection().getCodecRegistry().get(Customer.class));
        Document document = mongoCollection().getCodecRegistry().get(Document.class)
                .decode(new BsonDocumentReader(encoded), DecoderContext.builder().build());
        return ensureIndexes()
                .chain(() -> mongoCollection().withDocumentClass(Document.class).insertOne(outbox.insert(document, event)))
                .invoke(outbox::written)
                .replaceWithVoid();
    }

    /**
     * Writes the customer's state and adds its events to its outbox, if nobody changed it since it was read at
     * {@code readVersion}: one single-document update, atomic without a transaction. False when it was changed
     * meanwhile (read again and retry). A verified contact another customer holds fails with a duplicate key.
     */
    public Uni<Boolean> update(Customer customer, long readVersion, List<Document> events) {
        customer.birthdayKey = birthdayKey(customer);
        List<Bson> changes = new ArrayList<>();
        for (Field field : STATE) {
            Object value = read(field, customer);
            changes.add(value == null ? Updates.unset(field.getName()) : Updates.set(field.getName(), value));
        }
        changes.add(Updates.inc("version", 1L));
        if (!events.isEmpty()) {
            changes.add(outbox.push(events.toArray(Document[]::new)));
        }
        return ensureIndexes()
                .chain(() -> mongoCollection().updateOne(and(eq("_id", customer.id), eq("version", readVersion)),
                        Updates.combine(changes)))
                .map(result -> result.getMatchedCount() == 1)
                .invoke(written -> {
                    if (written && !events.isEmpty()) {
                        outbox.written();
                    }
                });
    }

    public Uni<Customer> findByVerifiedContact(String contactKey) {
        return find("verifiedContacts", contactKey).firstResult();
    }

    public Uni<Customer> findByPartnerKey(String partnerKey) {
        return find("partnerKeys", partnerKey).firstResult();
    }

    /** A page of the customers the filter matches, ordered by id. */
    public Uni<List<Customer>> search(Bson filter, int skip, int limit) {
        return mongoCollection().find(filter, new FindOptions().sort(Sorts.ascending("_id")).skip(skip).limit(limit))
                .collect().asList();
    }

    public Uni<Long> count(Bson filter) {
        return mongoCollection().countDocuments(filter);
    }

    public Uni<Long> countExisting(List<String> customerIds) {
        return mongoCollection().countDocuments(in("_id", customerIds));
    }

    /**
     * Customers whose name contains {@code text} (any case; the text is quoted, never a pattern), or whose e-mail,
     * phone, partner external id or customer id is it (e-mail and phone normalised by the caller, null when the text is
     * none); everyone when text is null.
     */
    public static Bson searchFilter(String text, String email, String phone) {
        if (text == null) {
            return new Document();
        }
        Pattern contains = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
        List<Bson> any = new ArrayList<>(List.of(
                regex("displayName", contains), regex("givenName", contains), regex("familyName", contains),
                eq("partners.externalId", text), eq("_id", text.toUpperCase())));
        if (email != null) {
            any.add(eq("emails.address", email));
        }
        if (phone != null) {
            any.add(eq("phones.number", phone));
        }
        return or(any);
    }

    /**
     * Records that a service erased the customer, once: the condition and the append are one atomic update, so a
     * confirmation delivered twice (or by two replicas) is kept once. False when there was nothing to record.
     */
    public Uni<Boolean> addErasureConfirmation(String customerId, String service, Instant at) {
        ErasureConfirmation confirmation = new ErasureConfirmation();
        confirmation.service = service;
        confirmation.at = at;
        return mongoCollection().updateOne(
                and(eq("_id", customerId), eq("erasure.expected", service), ne("erasure.confirmations.service", service)),
                Updates.combine(Updates.push("erasure.confirmations", confirmation), Updates.inc("version", 1L)))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Customers whose birthday (yyyy-MM-dd) falls on one of these days ("03-08"), streamed: one lookup per day by the
     * prefix of the indexed birthdayKey ("03-08/", an anchored literal: a range of the index). Erased customers have no
     * birthday, so they are never found.
     */
    public Multi<Customer> bornOn(List<String> monthDays) {
        return Multi.createFrom().iterable(monthDays)
                .invoke(day -> {
                    if (!MONTH_DAY.matcher(day).matches()) {
                        throw new IllegalArgumentException("not a month and day: " + day);
                    }
                })
                .onItem().transformToMultiAndConcatenate(day -> mongoCollection().find(
                        regex("birthdayKey", "^" + day + "/")));
    }

    /**
     * Records a greeting and its event, unless it was recorded before: the condition, the key and the event are one
     * atomic update, so two replicas running the job at once announce it once. True if recorded now.
     */
    public Uni<Boolean> addGreetingOnce(String customerId, String key, Document event) {
        return addKeyOnce(customerId, "greetings", key, event);
    }

    /** Records an overdue visit's alert ("visit-overdue-2026-10") and its event once, as greetings are. */
    public Uni<Boolean> addVisitAlertOnce(String customerId, String key, Document event) {
        return addKeyOnce(customerId, "visitAlerts", key, event);
    }

    /**
     * Customers with an officer assigned at or before {@code at} and not erased, streamed: those who owe a visit in a
     * period that began then.
     */
    public Multi<Customer> withOfficerSince(Instant at) {
        return mongoCollection().find(and(exists("officer.username"), lte("officer.assignedAt", Date.from(at)),
                exists("erasure", false)));
    }

    /** The customers an officer is responsible for, ordered by id. */
    public Uni<List<Customer>> ofOfficer(String officer) {
        return mongoCollection().find(eq("officer.username", officer), new FindOptions().sort(Sorts.ascending("_id")))
                .collect().asList();
    }

    /**
     * Opens a survey unless the customer has one about the same visit or complaint: one conditional update, so a
     * redelivered event or two replicas open it once. False when it was there already, or there is no such customer
     * (or they were erased).
     */
    public Uni<Boolean> addSurveyOnce(String customerId, Customer.Survey survey) {
        return mongoCollection().updateOne(and(eq("_id", customerId), ne("surveys.ref", survey.ref), exists("erasure", false)),
                Updates.combine(Updates.push("surveys", survey), Updates.inc("version", 1L)))
                .map(result -> result.getModifiedCount() == 1);
    }

    private Uni<Boolean> addKeyOnce(String customerId, String field, String key, Document event) {
        return mongoCollection().updateOne(and(eq("_id", customerId), ne(field, key)),
                Updates.combine(Updates.push(field, key), outbox.push(event), Updates.inc("version", 1L)))
                .map(result -> result.getModifiedCount() == 1)
                .invoke(announced -> {
                    if (announced) {
                        outbox.written();
                    }
                });
    }

    /** "MM-dd/id" of a customer with a yyyy-MM-dd birthday, null without one. */
    static String birthdayKey(Customer customer) {
        return customer.birthday == null ? null : customer.birthday.substring(5) + "/" + customer.id;
    }

    /** Customers stored before birthdayKey existed get it once, so the greetings' lookup finds them. */
    private Uni<Void> backfillBirthdayKeys() {
        return mongoCollection().find(and(exists("birthday"), exists("birthdayKey", false)))
                .onItem().transformToUniAndConcatenate(customer -> mongoCollection().updateOne(
                        and(eq("_id", customer.id), eq("birthday", customer.birthday)),
                        Updates.set("birthdayKey", birthdayKey(customer))))
                .collect().last()
                .replaceWithVoid();
    }

    private static Object read(Field field, Customer customer) {
        try {
            return field.get(customer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
