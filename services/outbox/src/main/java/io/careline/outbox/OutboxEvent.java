package io.careline.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An event waiting to be published, written in the same transaction as the change it announces.
 * Only inserted through Hibernate; the relay reads and marks rows with plain SQL. Each service creates the
 * {@code outbox_event} table in its own migrations (it owns its schema); Hibernate validates it against this.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String topic;

    @Column(name = "message_key", nullable = false, length = 100)
    public String messageKey;

    @Column(name = "event_type", nullable = false, length = 150)
    public String eventType;

    /**
     * The serialized envelope, stored as jsonb so operators can query it. Bound as text and cast: the reactive
     * client would otherwise bind a String aimed at jsonb as a JSON string value, not parse it.
     */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::text::jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The W3C trace context of the work that wrote the event, sent as the {@code traceparent} header. */
    @Column(length = 55)
    public String traceparent;

    // position and the relay's state (published_at, attempts, next_attempt_at, parked_at, ...) are set by the
    // database and by the relay's SQL
    @Column(insertable = false, updatable = false)
    public Long position;
}
