package io.careline.complaint.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Complaint.Status;
import io.careline.complaint.repository.ComplaintRepository;
import io.careline.complaint.repository.Message;
import io.careline.complaint.repository.Transition.Action;
import io.careline.complaint.sla.ClockKind;
import io.careline.complaint.sla.SlaClocks;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.smallrye.mutiny.Uni;

/**
 * Filing complaints from every channel, and what customers and partners do with their own. A complaint is
 * acknowledged by the system as it is filed (status ACKNOWLEDGED, an automatic public message that is not a reply by a
 * person, and {@code ComplaintAcknowledged}), so RECEIVED is only ever seen in the audit trail.
 */
@ApplicationScoped
public class ComplaintService {

    /** The header a client sends its idempotency key in; a misuse of the key is reported against it. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String ACKNOWLEDGEMENT = "Thank you. We have received your complaint %s and will reply by %s (UTC).";
    // constraint names from the migrations (V1, V3)
    private static final String IDEMPOTENCY_CONSTRAINT = "uq_complaint_idempotency";
    private static final String REFERENCE_CONSTRAINT = "uq_complaint_reference";
    private static final int REFERENCE_ATTEMPTS = 3;

    private final ComplaintRepository complaints;
    private final EventOutbox outbox;
    private final Lifecycle lifecycle;
    private final ComplaintReferences references;
    private final ComplaintConfig config;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final SlaClocks slaClocks;

    public ComplaintService(ComplaintRepository complaints, EventOutbox outbox, Lifecycle lifecycle,
            ComplaintReferences references, ComplaintConfig config, MeterRegistry metrics, ObjectMapper json,
            SlaClocks slaClocks) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.references = references;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.slaClocks = slaClocks;
    }

    /**
     * Stores the complaint, its audit trail, its acknowledgement and their events in one transaction, which runs to its
     * end even if the caller goes away. A retry carrying the same idempotency key and the same request returns the
     * complaint the first request filed, even when both requests race; the key with a different request is refused
     * (422).
     */
    public Uni<FiledComplaint> file(FileComplaint request) {
        return Uncancellable.run(() -> attempt(request, 1).invoke(outcome -> {
            if (!outcome.replayed()) { // counted once committed
                metrics.counter("careline.complaints.received", "channel", outcome.complaint().channel,
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
        complaint.priority = request.priority();
        complaint.enteredByKind = request.enteredByKind();
        complaint.enteredBy = request.enteredBy();
        complaint.partnerId = request.partnerId();
        complaint.team = request.team() != null ? request.team() : config.intakeTeam().orElse(null);
        complaint.subject = request.subject().strip();
        complaint.description = request.description().strip();
        complaint.attachments = toJson(request.attachments());
        if (request.claimedOvercharge() != null) {
            complaint.claimedOverchargeAmount = request.claimedOvercharge().amount();
            complaint.claimedOverchargeCurrency = request.claimedOvercharge().currency();
        }
        complaint.status = Status.RECEIVED;
        complaint.statusChangedAt = now;
        complaint.receivedAt = now;
        complaint.firstReplyDueAt = now.plus(config.firstReplyTarget());
        complaint.idempotencyKey = request.idempotencyKey();
        complaint.requestFingerprint = request.idempotencyKey() == null ? null : request.fingerprint();
        Actor enteredBy = switch (request.enteredByKind()) {
            case CUSTOMER -> Actor.customer(request.customerId());
            case AGENT -> new Actor(request.enteredBy(), Actor.Role.AGENT, request.team());
            case PARTNER -> Actor.partner(request.partnerId());
        };

        return complaints.persist(complaint)
                // its SLA clocks start with it, in the same transaction; the first reply and the resolution are due when
                // their clocks say (the matching policy may count business hours)
                .call(stored -> slaClocks.start(stored).invoke(clocks -> clocks.forEach(clock -> {
                    if (clock.kind == ClockKind.FIRST_REPLY) {
                        stored.firstReplyDueAt = clock.dueAt;
                    } else {
                        stored.resolutionDueAt = clock.dueAt;
                    }
                })))
                .call(stored -> outbox.add(ComplaintReceived.EVENT, EventEnvelope.of(ComplaintReceived.EVENT,
                        stored.customerId, stored.receivedAt, new ComplaintReceived(stored.id, stored.reference,
                                stored.subject, stored.category.name(), stored.channel, stored.receivedAt,
                                stored.firstReplyDueAt))))
                .call(stored -> lifecycle.audit(stored, null, enteredBy, Action.FILED, null, null, now))
                // acknowledged at once, by the system: the notification service tells the customer; no clock stops
                .call(stored -> lifecycle.move(stored, Status.ACKNOWLEDGED, Actor.SYSTEM, Action.STATUS, null, now))
                .call(stored -> Conversation.message(stored, Message.Kind.PUBLIC_REPLY, Actor.SYSTEM, false,
                        ACKNOWLEDGEMENT.formatted(stored.reference, stored.firstReplyDueAt.truncatedTo(ChronoUnit.MINUTES)),
                        now).persist());
    }

    private String toJson(List<Attachment> attachments) {
        try {
            return json.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachments are plain records", e);
        }
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

    public Uni<Complaint> findFiledBy(String partnerId, UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> complaints.findFiledBy(partnerId, id)));
    }

    public Uni<ComplaintPage> pageFiledBy(String partnerId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> complaints.pageFiledBy(partnerId, page, size)
                .chain(items -> complaints.countFiledBy(partnerId).map(total -> new ComplaintPage(items, total)))));
    }
}
