package io.careline.complaint.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.careline.complaint.repository.ProcessedEvent;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.customer.ErasureConfirmed;
import io.careline.outbox.EventOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Erases a customer (README "Erasure"): their id becomes one random pseudonym wherever it appears (their complaints
 * stay one customer's, for the counts), everything written in free text about or by them is replaced, attachment
 * references and request keys go, network report positions are coarsened. Categories, statuses, priorities, channels,
 * times, amounts, the audit trail's shape, SLA clocks and the ledger stay. Applied once per event id, in one
 * transaction with the record of it and the {@link ErasureConfirmed} the customer service waits for (keyed by the
 * customer id it asked about: the confirmation is the one place that id still appears).
 */
@ApplicationScoped
public class ErasureService {

    public static final String ERASED = "(erased)";
    /** The name the customer service expects in the confirmation ({@code careline.customer.erasure.services}). */
    static final String SERVICE = "complaint";

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
                    .chain(() -> Panache.getSession())
                    .chain(session -> pseudonymise(session, customerId, pseudonym, now))
                    .chain(() -> outbox.add(ErasureConfirmed.COMPLAINT, EventEnvelope.of(ErasureConfirmed.COMPLAINT, customerId, now,
                            new ErasureConfirmed(customerId, SERVICE, now))))
                    .replaceWith(true);
        }));
    }

    private static Uni<Integer> pseudonymise(Mutiny.Session session, String customer, String pseudonym, Instant now) {
        Map<String, Object> who = Map.of("customer", customer, "pseudonym", pseudonym, "erased", ERASED);
        // the complaint rows last: the statements before find the complaints by the customer's id
        return update(session, who, """
                UPDATE complaint_message SET body = :erased,
                       author = CASE WHEN author_role = 'CUSTOMER' THEN :pseudonym ELSE author END
                 WHERE author_role <> 'SYSTEM' AND complaint_id IN (SELECT id FROM complaint WHERE customer_id = :customer)""")
                .chain(() -> update(session, who, """
                        UPDATE complaint_transition SET actor = CASE WHEN actor_role = 'CUSTOMER' THEN :pseudonym ELSE actor END,
                               reason = CASE WHEN reason IS NULL THEN NULL ELSE :erased END
                         WHERE complaint_id IN (SELECT id FROM complaint WHERE customer_id = :customer)"""))
                .chain(() -> update(session, Map.of("customer", customer, "erased", ERASED), """
                        UPDATE compensation SET evidence = :erased, version = version + 1
                         WHERE complaint_id IN (SELECT id FROM complaint WHERE customer_id = :customer)"""))
                // events not yet relayed carry the subject; the published ones leave with the outbox's retention
                .chain(() -> update(session, Map.of("customer", customer, "erased", ERASED), """
                        UPDATE outbox_event SET payload = jsonb_set(payload, '{data,subject}', to_jsonb(CAST(:erased AS text)))
                         WHERE message_key = :customer AND published_at IS NULL AND payload->'data'->>'subject' IS NOT NULL"""))
                .chain(() -> update(session, Map.of("customer", customer, "pseudonym", pseudonym),
                        "UPDATE sla_clock SET customer_id = :pseudonym WHERE customer_id = :customer"))
                .chain(() -> update(session, Map.of("customer", customer, "pseudonym", pseudonym), """
                        UPDATE network_report SET customer_id = :pseudonym, cell = NULL,
                               latitude = round(CAST(latitude AS numeric), 2), longitude = round(CAST(longitude AS numeric), 2)
                         WHERE customer_id = :customer"""))
                .chain(() -> update(session, Map.of("customer", customer, "pseudonym", pseudonym, "erased", ERASED, "now", now), """
                        UPDATE complaint SET customer_id = :pseudonym, subject = :erased, description = :erased,
                               attachments = CAST('[]' AS jsonb), idempotency_key = NULL, request_fingerprint = NULL,
                               entered_by = CASE WHEN entered_by = :customer THEN :pseudonym ELSE entered_by END,
                               pseudonymised_at = :now, version = version + 1
                         WHERE customer_id = :customer"""));
    }

    private static Uni<Integer> update(Mutiny.Session session, Map<String, Object> parameters, String sql) {
        Mutiny.MutationQuery query = session.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.executeUpdate();
    }
}
