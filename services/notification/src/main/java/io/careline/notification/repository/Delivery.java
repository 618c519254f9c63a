package io.careline.notification.repository;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * The record of one message on one channel: one per business event and channel, its id
 * {@code <sourceEventId>:<channel>} (the unique key that makes a redelivery, or a second replica, find the record
 * rather than make another). It carries the rendered text, so a delivery held back by quiet hours is sent later as it
 * was rendered, and the outbox of its status events (written with update operators only).
 */
@MongoEntity(collection = "delivery")
public class Delivery {

    public enum Status {
        /** Waiting to be sent: being sent now (claimedUntil ahead), or held until notBefore (quiet hours). */
        QUEUED,
        /** Handed to the channel's provider. */
        SENT,
        /** The channel's attempts ran out; the next channel of fallbackNext took over. */
        FAILED,
        /** Not sent, on purpose: reason says why (an opt-out). */
        SUPPRESSED
    }

    @BsonId
    public String id;

    public String customerId;

    public String sourceEventId;

    public String kind;

    /** in_app, email, sms, push. */
    public String channel;

    public Status status;

    /** Why it is suppressed, failed, held, or sent despite an opt-out or quiet hours. */
    public String reason;

    public boolean critical;

    /** Sent although the recipient opted out or it was quiet hours, because the message is critical. */
    public boolean criticalBypass;

    /** The channel that failed or was suppressed before this one, or null. */
    public String fallbackFrom;

    /** The channels still to try, in order, if this one fails or is suppressed. */
    public List<String> fallbackNext;

    /** Where it goes; null for in-app and once the customer is erased. */
    public String address;

    public String title;

    public String body;

    /** The recipient's locale, as the directory had it (null: none known). */
    public String requestedLocale;

    /** The template's locale and version. */
    public String locale;

    public int templateVersion;

    /** The template is not in the recipient's language (no translation): the default locale was used. */
    public boolean localeFallback;

    public int attempts;

    public Instant createdAt;

    public Instant updatedAt;

    /** Not sent before this (quiet hours); the creation time otherwise. */
    public Instant notBefore;

    /** A sender holds the delivery until then; another (the release) may take it over after. */
    public Instant claimedUntil;

    public Instant sentAt;

    public static String idOf(String sourceEventId, String channel) {
        return sourceEventId + ":" + channel;
    }

    /** This delivery's message on another channel, as the next step of the fallback order. */
    public Delivery on(String otherChannel, String otherAddress, List<String> next, Instant now) {
        Delivery other = new Delivery();
        other.id = idOf(sourceEventId, otherChannel);
        other.customerId = customerId;
        other.sourceEventId = sourceEventId;
        other.kind = kind;
        other.channel = otherChannel;
        other.status = Status.QUEUED;
        other.critical = critical;
        other.fallbackNext = next;
        other.address = otherAddress;
        other.title = title;
        other.body = body;
        other.requestedLocale = requestedLocale;
        other.locale = locale;
        other.templateVersion = templateVersion;
        other.localeFallback = localeFallback;
        other.createdAt = now;
        other.updatedAt = now;
        other.notBefore = now;
        other.claimedUntil = Instant.EPOCH;
        return other;
    }
}
