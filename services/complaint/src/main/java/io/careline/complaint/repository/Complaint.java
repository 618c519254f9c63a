package io.careline.complaint.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    /** NETWORK is network quality (coverage, dropped calls, data). */
    public enum Category { BILLING, NETWORK, DEVICE, SERVICE, CLAIM, OTHER }

    public enum Priority { LOW, NORMAL, HIGH, URGENT }

    /** Who entered the complaint: the customer themselves, an agent on their behalf, or a partner system. */
    public enum EnteredBy { CUSTOMER, AGENT, PARTNER }

    /**
     * The lifecycle. {@link #next()} is what staff may move a complaint to; reopening (customer within the window,
     * supervisor any time) and a supervisor's override are separate doors.
     */
    public enum Status {
        RECEIVED, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

        public Set<Status> next() {
            return switch (this) {
                case RECEIVED -> EnumSet.of(ACKNOWLEDGED, IN_PROGRESS);
                case ACKNOWLEDGED -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
                case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
                case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
                case RESOLVED -> EnumSet.of(CLOSED);
                case CLOSED -> EnumSet.noneOf(Status.class);
            };
        }

        public boolean open() {
            return this != RESOLVED && this != CLOSED;
        }
    }

    @Id
    public UUID id;

    /** What the customer quotes on the phone: short, unique, not guessable. */
    @Column(nullable = false, unique = true, length = 20)
    public String reference;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    /** One of the configured channel codes, upper case (APP, WEB, HOTLINE, SMS, KIOSK, PARTNER by default). */
    @Column(nullable = false, length = 32)
    public String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "entered_by_kind", nullable = false, length = 16)
    public EnteredBy enteredByKind;

    /** The agent's user name or the partner's id; null when the customer filed it. */
    @Column(name = "entered_by", length = 100)
    public String enteredBy;

    @Column(name = "partner_id", length = 64)
    public String partnerId;

    @Column(nullable = false, length = 200)
    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    /** JSON array of {uri, name, mediaType}: attachments are kept by reference. */
    @Column(nullable = false, columnDefinition = "jsonb")
    // read and bound as text: the reactive client would hand jsonb over as a JSON object, not a String
    @ColumnTransformer(read = "attachments::text", write = "?::text::jsonb")
    public String attachments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Status status;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The first-reply clock's due time, kept in step with it (SlaClocks); null while it is paused. */
    @Column(name = "first_reply_due_at")
    public Instant firstReplyDueAt;

    /** The first public reply by a person; the automatic acknowledgement does not count. */
    @Column(name = "first_public_reply_at")
    public Instant firstPublicReplyAt;

    /** Filled by the SLA policies; null until then. */
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(length = 100)
    public String assignee;

    @Column(length = 64)
    public String team;

    @Column(name = "claimed_overcharge_amount", precision = 12, scale = 2)
    public BigDecimal claimedOverchargeAmount;

    @Column(name = "claimed_overcharge_currency", length = 3)
    public String claimedOverchargeCurrency;

    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;

    /** {@code FileComplaint#fingerprint()} of the request that filed it; null for complaints filed before V3. */
    @Column(name = "request_fingerprint", length = 64)
    public String requestFingerprint;

    @Version
    public long version;
}
