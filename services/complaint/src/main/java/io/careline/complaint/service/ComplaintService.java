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
import io.careline.complaint.sla.SlaClocks;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ComplaintService {

    /** The header a client sends its idempotency key in; a misuse of the key is reported against it. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    // constraint names from the migrations (V1, V3)
    private static final String IDEMPOTENCY_CONSTRAINT = "uq_complaint_idempotency";
    private static final String REFERENCE_CONSTRAINT = "uq_complaint_reference";
    private static final int REFERENCE_ATTEMPTS = 3;

    private final ComplaintRepository complaints;
    private final EventOutbox outbox;
    private final ComplaintReferences references;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final SlaClocks slaClocks;

    public ComplaintService(ComplaintRepository complaints, EventOutbox outbox, ComplaintReferences references,
            ComplaintConfig config, MeterRegistry metrics, SlaClocks slaClocks) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.references = references;
        this.config = config;
        this.metrics = metrics;
        this.slaClocks = slaClocks;
    }

    /**
     * Stores the complaint and its {@code ComplaintReceived} event in one transaction, which runs to its end even if
     * the caller goes away. A retry carrying the same idempotency key and the same request returns the complaint the
     * first request filed, even when both requests race; the key with a different request is refused (422).
     */
    public Uni<FiledComplaint> file(FileComplaint request) {
        return Uncancellable.run(() -> attempt(request, 1).invoke(outcome -> {
            if (!outcome.replayed()) { // counted once committed
                metrics.counter("careline.complaints.received", "channel", outcome.complaint().channel.name(),
                        "category", outcome.complaint().category.name()).increment();
            }
        }));
    }

    private Uni<FiledComplaint> attempt(FileComplaint request, int attempt) {
        return Panache.withTransaction(() -> existing(request)
                .chain(found -> found != null
                        ? Uni.createFrom().item(() -> replay(found, request))
                        : store(request).map(stored -> new FiledComplaint(stored, false))))
                .onFailure(ConstraintViolationException.class).recoverWithUni(failure -> {
                    String constraint = ((ConstraintViolationException) failure).getConstraintName();
                    if (IDEMPOTENCY_CONSTRAINT.equalsIgnoreCase(constraint) && request.idempotencyKey() != null) {
                        // a concurrent request with the same key committed first: answer with what it filed
                        return Panache.withSession(() -> complaints
                                .findByIdempotencyKey(request.customerId(), request.idempotencyKey())
                                .map(first -> replay(first, request)));
                    }
                    if (REFERENCE_CONSTRAINT.equalsIgnoreCase(constraint) && attempt < REFERENCE_ATTEMPTS) {
                        return attempt(request, attempt + 1); // a rare collision of random references: draw again
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    private Uni<Complaint> existing(FileComplaint request) {
        return request.idempotencyKey() == null
                ? Uni.createFrom().nullItem()
                : complaints.findByIdempotencyKey(request.customerId(), request.idempotencyKey());
    }

    private static FiledComplaint replay(Complaint first, FileComplaint request) {
        if (first.requestFingerprint != null && !first.requestFingerprint.equals(request.fingerprint())) {
            throw new UnprocessableRequestException(IDEMPOTENCY_KEY_HEADER, "was already used for a different complaint");
        }
        return new FiledComplaint(first, true);
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
        complaint.requestFingerprint = request.idempotencyKey() == null ? null : request.fingerprint();

        return complaints.persist(complaint)
                .call(stored -> outbox.add(ComplaintReceived.EVENT, EventEnvelope.of(ComplaintReceived.EVENT,
                        stored.customerId, stored.receivedAt, new ComplaintReceived(stored.id, stored.reference,
                                stored.subject, stored.category.name(), stored.channel.name(), stored.receivedAt,
                                stored.firstReplyDueAt))))
                .call(slaClocks::start); // its SLA clocks start with it, in the same transaction
    }

    public Uni<Complaint> findOwned(String customerId, UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> complaints.findOwned(customerId, id)));
    }

    public record ComplaintPage(List<Complaint> items, long total) {
    }

    public Uni<ComplaintPage> pageOwned(String customerId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> complaints.pageOwned(customerId, page, size)
                .chain(items -> complaints.countOwned(customerId).map(total -> new ComplaintPage(items, total)))));
    }
}
