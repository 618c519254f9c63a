package io.careline.complaint.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.Compensation;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.ComplaintRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.CompensationGranted;
import io.careline.outbox.EventOutbox;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * "Overcharge one, reward one". An agent verifies a billing complaint's overcharge; the customer is refunded that
 * amount and rewarded the same again. Up to the threshold it is granted at once; above it a supervisor approves, and
 * never the person who verified it (four eyes). One per complaint: verifying again with the same amount, or approving
 * again, answers with the compensation already recorded.
 */
@ApplicationScoped
public class CompensationService {

    private static final String UNIQUE_CONSTRAINT = "uq_compensation_complaint";

    private final ComplaintRepository complaints;
    private final EventOutbox outbox;
    private final ComplaintConfig config;

    public CompensationService(ComplaintRepository complaints, EventOutbox outbox, ComplaintConfig config) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.config = config;
    }

    public record Outcome(Compensation compensation, boolean replayed) {
    }

    public Uni<Outcome> verify(Actor staff, UUID complaintId, Money verified, String evidence) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> workable(staff, complaintId)
                .chain(complaint -> Compensation.ofComplaint(complaintId).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(replay(existing, verified));
                    }
                    if (complaint.category != Category.BILLING) {
                        throw ComplaintProblem.conflict("category", "is " + complaint.category
                                + "; only a BILLING complaint is compensated for an overcharge");
                    }
                    if (complaint.claimedOverchargeCurrency != null
                            && !complaint.claimedOverchargeCurrency.equals(verified.currency())) {
                        throw ComplaintProblem.invalid("currency", "must be the claimed overcharge's currency, "
                                + complaint.claimedOverchargeCurrency);
                    }
                    Instant now = ComplaintWork.now();
                    Compensation compensation = new Compensation();
                    compensation.id = UUID.randomUUID();
                    compensation.complaintId = complaintId;
                    compensation.verifiedAmount = verified.amount();
                    compensation.currency = verified.currency();
                    compensation.evidence = evidence.strip();
                    compensation.verifiedBy = staff.name();
                    compensation.verifiedAt = now;
                    compensation.status = Compensation.Status.AWAITING_APPROVAL;
                    Uni<?> granted = verified.amount().compareTo(config.compensation().approvalThreshold()) > 0
                            ? Uni.createFrom().voidItem()
                            : grant(complaint, compensation, now);
                    return compensation.persist().chain(() -> granted).replaceWith(new Outcome(compensation, false));
                }))))
                .onFailure(ConstraintViolationException.class).recoverWithUni(failure ->
                        UNIQUE_CONSTRAINT.equalsIgnoreCase(((ConstraintViolationException) failure).getConstraintName())
                                // a concurrent verification committed first: answer as a retry would be answered
                                ? Panache.withSession(() -> Compensation.ofComplaint(complaintId)).map(first -> replay(first, verified))
                                : Uni.createFrom().failure(failure));
    }

    private static Outcome replay(Compensation existing, Money verified) {
        if (existing.verifiedAmount.compareTo(verified.amount()) != 0 || !existing.currency.equals(verified.currency())) {
            throw ComplaintProblem.conflict("verifiedAmount", "a compensation of " + existing.verifiedAmount + " "
                    + existing.currency + " was already verified for this complaint");
        }
        return new Outcome(existing, true);
    }

    /** A supervisor's approval, above the threshold. Approving one's own verification is refused (403). */
    public Uni<Outcome> approve(Actor supervisor, UUID complaintId) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> workable(supervisor, complaintId)
                .chain(complaint -> Compensation.ofComplaint(complaintId).chain(compensation -> {
                    if (compensation == null) {
                        throw ComplaintProblem.conflict("compensation", "none has been verified for this complaint");
                    }
                    if (compensation.status == Compensation.Status.GRANTED) {
                        return Uni.createFrom().item(new Outcome(compensation, true));
                    }
                    if (compensation.verifiedBy.equals(supervisor.name())) {
                        throw ComplaintProblem.refused("four eyes: " + supervisor.name() + " verified this compensation"
                                + " and may not approve it; another supervisor must");
                    }
                    compensation.approvedBy = supervisor.name();
                    return grant(complaint, compensation, ComplaintWork.now()).replaceWith(new Outcome(compensation, false));
                }))));
    }

    /** A compensation as a supervisor's approval list shows it: with its complaint's reference. */
    public record Listed(Compensation compensation, String reference) {
    }

    public record ListedPage(List<Listed> items, long total) {
    }

    /** Compensations in a status, oldest verification first; all of them (the console hides approving one's own). */
    public Uni<ListedPage> page(Compensation.Status status, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> Compensation.<Compensation> find(
                "status = ?1 order by verifiedAt, id", status).page(page, size).list()
                .chain(found -> references(found).map(references -> found.stream()
                        .map(c -> new Listed(c, references.get(c.complaintId))).toList()))
                .chain(items -> Compensation.count("status", status).map(total -> new ListedPage(items, total)))));
    }

    private static Uni<Map<UUID, String>> references(List<Compensation> compensations) {
        if (compensations.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Complaint.<Complaint> list("id in ?1", compensations.stream().map(c -> c.complaintId).toList())
                .map(found -> found.stream().collect(Collectors.toMap(c -> c.id, c -> c.reference)));
    }

    private Uni<?> grant(Complaint complaint, Compensation compensation, Instant now) {
        BigDecimal amount = compensation.verifiedAmount;
        compensation.status = Compensation.Status.GRANTED;
        compensation.grantedAt = now;
        compensation.refundAmount = amount;
        compensation.rewardAmount = amount;
        return outbox.add(CompensationGranted.EVENT, EventEnvelope.of(CompensationGranted.EVENT, complaint.customerId,
                now, new CompensationGranted(complaint.id, complaint.reference, compensation.id, amount, amount,
                        compensation.currency, now)));
    }

    private Uni<Complaint> workable(Actor staff, UUID id) {
        return complaints.findById(id).map(found -> {
            if (found == null || !staff.mayWork(found)) {
                throw ComplaintProblem.notFound(id);
            }
            return found;
        });
    }
}
