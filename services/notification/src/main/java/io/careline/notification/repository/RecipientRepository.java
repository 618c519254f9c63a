package io.careline.notification.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The recipient directory. Each change is one single-document update (an upsert) that also records the event's id,
 * filtered on the id not being recorded yet: an event applied twice, by a redelivery or a second replica, changes
 * the document once.
 */
@ApplicationScoped
public class RecipientRepository implements ReactivePanacheMongoRepositoryBase<Recipient, String> {

    /** How many applied event ids a recipient keeps: far more than one customer's events redelivered at once. */
    static final int APPLIED_KEPT = 256;

    /** The recipient as the directory knows it, or the defaults for one it does not (English, UTC, in-app only). */
    public Uni<Recipient> of(String customerId) {
        return findById(customerId).map(found -> found != null ? found : Recipient.unknown(customerId));
    }

    /** A profile is a full snapshot: it replaces what the directory held (consents stay). True if applied now. */
    public Uni<Boolean> applyProfile(String customerId, String eventId, CustomerProfileChanged profile) {
        List<String> emails = profile.emails() == null ? List.of() : profile.emails().stream()
                .sorted(Comparator.comparing(email -> !email.verified())).map(CustomerProfileChanged.Email::address).toList();
        List<String> phones = profile.phones() == null ? List.of() : profile.phones().stream()
                .sorted(Comparator.comparing(phone -> !phone.verified())).map(CustomerProfileChanged.Phone::number).toList();
        return applyOnce(customerId, eventId, Updates.combine(
                Updates.set("displayName", profile.displayName()),
                Updates.set("locale", profile.locale()),
                Updates.set("timezone", profile.timezone()),
                Updates.set("region", profile.region()),
                Updates.set("emails", emails),
                Updates.set("phones", phones),
                Updates.set("preferredChannel", profile.preferredChannel())));
    }

    /** The latest consent for the purpose and channel wins (one customer's events arrive in order). */
    public Uni<Boolean> applyConsent(String customerId, String eventId, ConsentChanged consent) {
        return applyOnce(customerId, eventId, Updates.set("consents." + consent.purpose() + "." + consent.channel(),
                new Document("granted", consent.granted()).append("at", Date.from(consent.at()))
                        .append("source", consent.source())));
    }

    /**
     * Pseudonymises the recipient and pushes the erasure confirmation into its outbox, in one write, once per event id.
     * Preferences stay: they are no personal text, and a later message must still honour an opt-out.
     */
    public Uni<Boolean> erase(String customerId, String eventId, Instant at, Bson outboxPush) {
        return applyOnce(customerId, eventId, Updates.combine(
                Updates.set("displayName", Recipient.ERASED),
                Updates.set("emails", List.of()),
                Updates.set("phones", List.of()),
                Updates.set("birthday", null),
                Updates.set("erasedAt", Date.from(at)),
                outboxPush));
    }

    private Uni<Boolean> applyOnce(String customerId, String eventId, Bson change) {
        return mongoCollection().updateOne(and(eq("_id", customerId), ne("applied", eventId)),
                        Updates.combine(change,
                                Updates.pushEach("applied", List.of(eventId), new PushOptions().slice(-APPLIED_KEPT))),
                        new UpdateOptions().upsert(true))
                .map(result -> result.getModifiedCount() > 0 || result.getUpsertedId() != null)
                // the recipient exists and holds the event id: the upsert's insert collided with it on _id
                .onFailure(DuplicateKeys::onId).recoverWithItem(Boolean.FALSE);
    }
}
