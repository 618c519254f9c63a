package io.careline.notification.repository;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** What the recording SMS or push provider would have sent (local stack and tests). */
@MongoEntity(collection = "provider_recording")
public class RecordedMessage {

    /** The delivery id: recording the same delivery again keeps the first. */
    @BsonId
    public String deliveryId;

    public String channel;

    public String customerId;

    /** The number, or the customer id for push; null once the customer is erased. */
    public String to;

    public String title;

    public String body;

    public Instant recordedAt;
}
