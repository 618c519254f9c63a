package io.careline.complaint.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.ComplaintRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ComplaintService {

    private final ComplaintRepository complaints;
    private final EventOutbox outbox;
    private final ComplaintReferences references;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;

    public ComplaintService(ComplaintRepository complaints, EventOutbox outbox, ComplaintReferences references,
            ComplaintConfig config, MeterRegistry metrics) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.references = references;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Stores the complaint and its {@code ComplaintReceived} event in one transaction. A retry carrying the same
     * idempotency key returns the complaint the first request filed, even when both requests race.
     */
    public Uni<FiledComplaint> file(FileComplaint request) {
        Uni<FiledComplaint> filed = Panache.withTransaction(() -> existing(request)
                .chain(found -> found != null
                        ? Uni.createFrom().item(new FiledComplaint(found, true))
                        : store(request).map(stored -> new FiledComplaint(stored, false))));
        filed = filed.invoke(outcome -> {
            if (!outcome.replayed()) { // counted once committed
                metrics.counter("careline.complaints.received", "channel", outcome.complaint().channel.name(),
                        "category", outcome.complaint().category.name()).increment();
            }
        });
        if (request.idempotencyKey() == null) {
            return filed;
        }
        // a concurrent request with the same key committed first: answer with what it filed
        return filed.onFailure(ConstraintViolationException.class).recoverWithUni(() -> Panache.withSession(() -> complaints
                .findByIdempotencyKey(request.customerId(), request.idempotencyKey())
                .map(first -> new FiledComplaint(first, true))));
    }

    private Uni<Complaint> existing(FileComplaint request) {
        return request.idempotencyKey() == null
                ? Uni.createFrom().nullItem()
                : complaints.findByIdempotencyKey(request.customerId(), request.idempotencyKey());
    }

    private Uni<Complaint> store(FileComplaint request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision, so events equal rows
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.reference = references.next();
        complaint.customerId = request.customerId();
        complaint.channel = request.channel();
        complaint.category = request.category();
        complaint.subject = request.subject().strip();
        complaint.description = request.description().strip();
        complaint.status = Complaint.Status.RECEIVED;
        complaint.receivedAt = now;
        complaint.firstReplyDueAt = now.plus(config.firstReplyTarget());
        complaint.idempotencyKey = request.idempotencyKey();

        return complaints.persist(complaint)
                .call(stored -> outbox.add(ComplaintReceived.EVENT, EventEnvelope.of(ComplaintReceived.EVENT,
                        stored.customerId, stored.receivedAt, new ComplaintReceived(stored.id, stored.reference,
                                stored.subject, stored.category.name(), stored.channel.name(), stored.receivedAt,
                                stored.firstReplyDueAt))));
    }

    @WithSession
    public Uni<Complaint> findOwned(String customerId, UUID id) {
        return complaints.findOwned(customerId, id);
    }

    public record ComplaintPage(List<Complaint> items, long total) {
    }

    @WithSession
    public Uni<ComplaintPage> pageOwned(String customerId, int page, int size) {
        return complaints.pageOwned(customerId, page, size)
                .chain(items -> complaints.countOwned(customerId).map(total -> new ComplaintPage(items, total)));
    }
}
