package io.careline.complaint.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    public enum Channel { APP, WEB, SMS, HOTLINE, KIOSK, PARTNER }

    public enum Category { BILLING, NETWORK, DEVICE, SERVICE, CLAIM, OTHER }

    public enum Status { RECEIVED }

    @Id
    public UUID id;

    /** What the customer quotes on the phone: short, unique, not guessable. */
    @Column(nullable = false, unique = true, length = 20)
    public String reference;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Category category;

    @Column(nullable = false, length = 200)
    public String subject;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "first_reply_due_at", nullable = false)
    public Instant firstReplyDueAt;

    @Column(name = "idempotency_key", length = 100)
    public String idempotencyKey;

    /** {@code FileComplaint#fingerprint()} of the request that filed it; null for complaints filed before V3. */
    @Column(name = "request_fingerprint", length = 64)
    public String requestFingerprint;

    @Version
    public long version;
}
