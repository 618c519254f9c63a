package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.claimcare.repository.ProcessedEvent;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.customer.ErasureConfirmed;
import io.careline.outbox.EventOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Erases a customer: who they and their beneficiaries are is replaced by one random pseudonym (the household stays
 * one household, for continuity), names, dates of birth, health data and activity notes are removed. What the
 * statistics count stays: regions, statuses, dates, amounts, and the anonymous eligibility facts. Applied once per
 * event id, in one transaction with the record of it and the {@link ErasureConfirmed} the customer service waits for
 * (keyed by the customer id it asked about: the confirmation is the one place that id still appears).
 */
@ApplicationScoped
public class ErasureService {

    public static final String ERASED = "(erased)";
    /** The name the customer service expects in the confirmation ({@code careline.customer.erasure.services}). */
    static final String SERVICE = "claim-care";

    private final EventOutbox outbox;
    private final Clock clock;

    public ErasureService(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** True when applied now, false when this event id was applied before. */
    public Uni<Boolean> erase(UUID eventId, String eventType, String customerId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String pseudonym = "ERASED-" + UUID.randomUUID();
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent> findById(eventId).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(false);
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = eventId;
            processed.eventType = eventType;
            processed.processedAt = now;
            return processed.persist()
                    .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery("""
                            UPDATE activity SET notes = NULL, needs_found = NULL
                             WHERE beneficiary_id IN (SELECT id FROM beneficiary WHERE customer_id = :customer)""")
                            .setParameter("customer", customerId).executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                    UPDATE beneficiary SET customer_id = :pseudonym, full_name = :erased, date_of_birth = NULL,
                                           guardian_name = NULL, health_key_id = NULL, health_cipher = NULL,
                                           consent_recorded_by = NULL, pseudonymised_at = :now, version = version + 1
                                     WHERE customer_id = :customer""")
                                    .setParameter("pseudonym", pseudonym).setParameter("erased", ERASED)
                                    .setParameter("now", now).setParameter("customer", customerId).executeUpdate())
                            .chain(() -> session.createNativeQuery("""
                                    UPDATE claim SET customer_id = :pseudonym, description = NULL, version = version + 1
                                     WHERE customer_id = :customer""")
                                    .setParameter("pseudonym", pseudonym).setParameter("customer", customerId).executeUpdate()))
                    .chain(() -> outbox.add(ErasureConfirmed.CARE, EventEnvelope.of(ErasureConfirmed.CARE, customerId, now,
                            new ErasureConfirmed(customerId, SERVICE, now))))
                    .replaceWith(true);
        }));
    }
}
