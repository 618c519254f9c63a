package io.careline.notification.repository;

import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One customer's inbox counts, so that no request counts the collection. Changed only by single-document updates
 * that also record the change's marker in {@code applied} (the latest {@value InboxSummaryRepository#APPLIED_KEPT}):
 * a change applied again, after a crash or by a second replica, finds its marker and changes nothing.
 */
@MongoEntity(collection = "inbox_summary")
public class InboxSummary {

    @BsonId
    public String customerId;

    public long total;

    public long unread;

    /** Markers of the latest changes applied: {@code i:<messageId>} (inserted), {@code r:<messageId>} (read). */
    public List<String> applied;
}
