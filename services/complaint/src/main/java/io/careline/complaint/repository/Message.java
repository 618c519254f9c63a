package io.careline.complaint.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One message of a complaint's conversation. Internal notes are for staff only. */
@Entity
@Table(name = "complaint_message")
public class Message extends PanacheEntityBase {

    public enum Kind {
        /** staff (or the system's acknowledgement) to the customer */
        PUBLIC_REPLY,
        /** the customer's own message */
        CUSTOMER,
        /** staff only: never reaches the customer, a partner or an event */
        INTERNAL_NOTE
    }

    @Id
    public UUID id;

    /** Set by the database: the order of lines written at the same instant. */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Column(nullable = false, length = 100)
    public String author;

    @Column(name = "author_role", nullable = false, length = 16)
    public String authorRole;

    /** False for the system's automatic acknowledgement, which stops no clock. */
    @Column(name = "by_person", nullable = false)
    public boolean byPerson;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
