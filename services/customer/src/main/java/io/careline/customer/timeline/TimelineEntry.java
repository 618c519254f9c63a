package io.careline.customer.timeline;

import java.time.Instant;

import org.bson.Document;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One event in a customer's 360° timeline, from any service's topic (this one's included). Its id is the event's id,
 * so an event delivered twice is one entry. {@code data} is the event's data without personal text or secrets;
 * erasure removes it, keeping what happened when.
 */
@MongoEntity(collection = "timeline")
public class TimelineEntry {

    /** The event id. */
    public String id;
    public String customerId;
    /** The event's occurredAt. */
    public Instant at;
    /** The event type (ComplaintReceived, VisitRecorded, ...), kept for types this service does not know too. */
    public String type;
    public int version;
    /** The service whose topic it came on: customer, complaint, claim-care, notification. */
    public String source;
    public Document data;
    /** The customer was erased: data removed. */
    public boolean erased;
}
