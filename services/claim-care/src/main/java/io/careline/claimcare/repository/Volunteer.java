package io.careline.claimcare.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Someone who gives their time to the programme, under its guidelines and training. */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    public enum Kind { CLAIMS_INVESTIGATOR, AGENT, STAFF, PUBLIC }

    public enum Status { ACTIVE, PAUSED, LEFT }

    @Id
    public UUID id;

    /** Their sign-in name (the token's preferred_username); a volunteer without one cannot use the console. */
    @Column(unique = true, length = 100)
    public String username;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Kind kind;

    @Column(nullable = false, length = 64)
    public String region;

    @Convert(converter = CsvSetConverter.class)
    @Column(nullable = false, length = 200)
    public Set<String> languages;

    @Convert(converter = CsvSetConverter.class)
    @Column(nullable = false, length = 500)
    public Set<String> skills;

    @Column(length = 200)
    public String availability;

    /** How many people they can care for at once. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "training_expires_on")
    public LocalDate trainingExpiresOn;

    @Column(name = "background_check_expires_on")
    public LocalDate backgroundCheckExpiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Version
    public long version;

    /** Why they may not take on someone new today, or null if they may. */
    public String blockedReason(LocalDate today) {
        if (status != Status.ACTIVE) {
            return "volunteer is " + status.name().toLowerCase();
        }
        if (trainingExpiresOn == null || trainingExpiresOn.isBefore(today)) {
            return trainingExpiresOn == null ? "training on the programme's guidelines is not recorded"
                    : "training on the programme's guidelines expired on " + trainingExpiresOn;
        }
        if (backgroundCheckExpiresOn == null || backgroundCheckExpiresOn.isBefore(today)) {
            return backgroundCheckExpiresOn == null ? "background check is not recorded"
                    : "background check expired on " + backgroundCheckExpiresOn;
        }
        return null;
    }
}
