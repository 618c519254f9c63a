package io.careline.notification.repository;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * Whom a customer's messages go to, as the customer service's events last said: language, zone, addresses (verified
 * first), preferred channel and consents. A customer the directory has not heard of is {@link #unknown}: English, UTC,
 * in-app only. The document also carries the outbox of the erasure confirmation (read through this class, written
 * with update operators only).
 */
@MongoEntity(collection = "recipient")
public class Recipient {

    /** Consent for one purpose on one channel, as the latest ConsentChanged said. */
    public static class Consent {
        public boolean granted;
        public Instant at;
        public String source;
    }

    public static final String ERASED = "[erased]";

    @BsonId
    public String customerId;

    public String displayName;

    /** A BCP 47 tag, or null (the templates' default). */
    public String locale;

    /** An IANA zone id, or null (UTC). */
    public String timezone;

    public String region;

    /** Addresses, verified ones first: the first is the one mail goes to. */
    public List<String> emails;

    /** E.164 numbers, verified ones first. */
    public List<String> phones;

    /** email, sms, push, in_app, or null. */
    public String preferredChannel;

    /** By purpose (service, marketing, greetings...), by channel (email, sms, push, in_app, any). */
    public Map<String, Map<String, Consent>> consents;

    /** The ids of the latest events applied: a redelivered event changes nothing. */
    public List<String> applied;

    /** When the customer's personal data was erased here; null if it was not. */
    public Instant erasedAt;

    public static Recipient unknown(String customerId) {
        Recipient recipient = new Recipient();
        recipient.customerId = customerId;
        recipient.emails = List.of();
        recipient.phones = List.of();
        recipient.consents = Map.of();
        recipient.applied = List.of();
        return recipient;
    }

    /** The recipient's zone; UTC when none is known or it is not a zone id. */
    public ZoneId zone() {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (java.time.DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * The consent for a purpose on a channel: the channel's own entry, else the purpose's "any", else null (nothing
     * recorded: the caller's default applies).
     */
    public Boolean consent(String purpose, String channel) {
        Map<String, Consent> byChannel = consents == null ? null : consents.get(purpose);
        if (byChannel == null) {
            return null;
        }
        Consent own = byChannel.get(channel);
        Consent any = byChannel.get("any");
        return own != null ? Boolean.valueOf(own.granted) : any != null ? Boolean.valueOf(any.granted) : null;
    }
}
