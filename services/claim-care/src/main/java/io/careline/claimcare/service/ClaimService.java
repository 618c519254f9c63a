package io.careline.claimcare.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;

import io.careline.claimcare.config.CareConfig;
import io.careline.claimcare.repository.Claim;
import io.careline.claimcare.repository.Claim.Status;
import io.careline.claimcare.repository.ClaimEvent;
import io.careline.claimcare.repository.ClaimEventRepository;
import io.careline.claimcare.repository.ClaimRepository;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.care.ClaimAssessed;
import io.careline.contracts.care.ClaimDocumentsCollected;
import io.careline.contracts.care.ClaimPaid;
import io.careline.contracts.care.ClaimRejected;
import io.careline.contracts.care.ClaimReported;
import io.careline.outbox.EventOutbox;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies the claim lifecycle events partners post. Each is applied once per partner event id, in the transaction
 * that writes the claim's change, its timeline entry and the event announcing it. A partner only ever reaches claims
 * under its own partner id.
 */
@ApplicationScoped
public class ClaimService {

    // constraint name from V3__claims.sql
    private static final String CLAIM_REF_CONSTRAINT = "uq_claim_partner_ref";

    private final ClaimRepository claims;
    private final ClaimEventRepository events;
    private final EligibilityService eligibility;
    private final EventOutbox outbox;
    private final CareConfig config;
    private final Clock clock;

    public ClaimService(ClaimRepository claims, ClaimEventRepository events, EligibilityService eligibility,
            EventOutbox outbox, CareConfig config, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.eligibility = eligibility;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<ClaimRecord> report(PartnerEvent event, String customerId, String description, boolean greenChannel) {
        return apply(event, existing -> {
            if (existing != null) {
                throw new ClientErrorException("claimRef " + event.claimRef() + " was already reported", Response.Status.CONFLICT);
            }
            Claim claim = new Claim();
            claim.id = UUID.randomUUID();
            claim.partnerId = event.partnerId();
            claim.partnerClaimRef = event.claimRef();
            claim.customerId = customerId;
            claim.description = description;
            claim.greenChannel = greenChannel;
            claim.status = Status.REPORTED;
            claim.reportedAt = event.occurredAt();
            return claims.persist(claim).call(stored -> announce(ClaimReported.EVENT, stored, new ClaimReported(
                    stored.id, stored.partnerId, stored.partnerClaimRef, stored.reportedAt, stored.greenChannel)));
        });
    }

    public Uni<ClaimRecord> documentsCollected(PartnerEvent event) {
        return apply(event, existing -> {
            Claim claim = advance(existing, event);
            claim.visitedAt = event.occurredAt();
            return announce(ClaimDocumentsCollected.EVENT, claim, new ClaimDocumentsCollected(claim.id, claim.partnerId,
                    claim.partnerClaimRef, claim.visitedAt)).replaceWith(claim);
        });
    }

    public Uni<ClaimRecord> assessed(PartnerEvent event, BigDecimal amount, String currency) {
        return apply(event, existing -> {
            Claim claim = advance(existing, event);
            claim.assessedAt = event.occurredAt();
            claim.assessedAmount = amount;
            claim.currency = currency;
            return announce(ClaimAssessed.EVENT, claim, new ClaimAssessed(claim.id, claim.partnerId, claim.partnerClaimRef,
                    claim.assessedAt, amount, currency)).replaceWith(claim);
        });
    }

    public Uni<ClaimRecord> paid(PartnerEvent event, BigDecimal amount, String currency, PaidBeneficiary beneficiary) {
        return apply(event, existing -> {
            Claim claim = advance(existing, event);
            claim.paidAt = event.occurredAt();
            claim.paidAmount = amount;
            claim.currency = currency;
            Duration clock = claim.visitToPayment();
            return announce(ClaimPaid.EVENT, claim, new ClaimPaid(claim.id, claim.partnerId, claim.partnerClaimRef,
                    claim.paidAt, amount, currency, clock == null ? null : clock.toSeconds(), claim.greenChannel))
                    .chain(() -> eligibility.onPaid(claim, beneficiary))
                    .replaceWith(claim);
        });
    }

    public Uni<ClaimRecord> rejected(PartnerEvent event, String reason) {
        return apply(event, existing -> {
            Claim claim = advance(existing, event);
            claim.rejectedAt = event.occurredAt();
            claim.rejectionReason = reason;
            return announce(ClaimRejected.EVENT, claim, new ClaimRejected(claim.id, claim.partnerId, claim.partnerClaimRef,
                    claim.rejectedAt, reason)).replaceWith(claim);
        });
    }

    /** The claim under this partner, with its timeline; null when this partner has no such claim. */
    public Uni<ClaimRecord> findForPartner(String partnerId, String claimRef) {
        return Uncancellable.run(() -> Panache.withSession(() -> claims.findByPartnerRef(partnerId, claimRef)
                .chain(claim -> claim == null ? Uni.createFrom().nullItem() : withTimeline(claim, false))));
    }

    public Uni<ClaimPage> pageForPartner(String partnerId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> claims.pageOfPartner(partnerId, page, size)
                .chain(items -> claims.countOfPartner(partnerId).map(total -> new ClaimPage(items, total)))));
    }

    /** The customer's own claim, with its timeline; null when it is not theirs. */
    public Uni<ClaimRecord> findOwned(String customerId, UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> claims.findOwned(customerId, id)
                .chain(claim -> claim == null ? Uni.createFrom().nullItem() : withTimeline(claim, false))));
    }

    public Uni<ClaimPage> pageOwned(String customerId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> claims.pageOwned(customerId, page, size)
                .chain(items -> claims.countOwned(customerId).map(total -> new ClaimPage(items, total)))));
    }

    public record ClaimPage(List<Claim> items, long total) {
    }

    /**
     * Looks the partner's event id up first: seen before, the claim is answered as it is (a different request under
     * that id is refused). Otherwise the change runs with the partner's claim (null if it has none), and the event is
     * recorded on the timeline. Two deliveries racing meet at the unique event id; the loser answers as a replay.
     */
    private Uni<ClaimRecord> apply(PartnerEvent event, Function<Claim, Uni<Claim>> change) {
        return Uni.createFrom().voidItem().invoke(() -> refuseFuture(event.occurredAt()))
                .chain(() -> Uncancellable.run(() -> Panache.withTransaction(() -> events
                        .findByPartnerEvent(event.partnerId(), event.eventId())
                        .chain(seen -> seen != null ? replay(seen, event) : firstDelivery(event, change)))
                        // a delivery racing this one may have committed first (unique event id, stale claim, or a
                        // status already moved on): if the event is recorded now, this is a replay; else the failure stands
                        .onFailure().recoverWithUni(failure -> Panache.withSession(() -> events
                                .findByPartnerEvent(event.partnerId(), event.eventId())
                                .chain(seen -> seen != null ? replay(seen, event)
                                        : Uni.createFrom().failure(explained(failure, event)))))));
    }

    private Uni<ClaimRecord> firstDelivery(PartnerEvent event, Function<Claim, Uni<Claim>> change) {
        return claims.findByPartnerRef(event.partnerId(), event.claimRef())
                .chain(claim -> change.apply(claim))
                .call(claim -> events.persist(timelineEntry(claim, event)))
                .call(() -> events.flush()) // the timeline read next includes this event
                .chain(claim -> withTimeline(claim, false));
    }

    private static Throwable explained(Throwable failure, PartnerEvent event) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && CLAIM_REF_CONSTRAINT.equalsIgnoreCase(violation.getConstraintName())) {
                return new ClientErrorException("claimRef " + event.claimRef() + " was already reported",
                        Response.Status.CONFLICT);
            }
        }
        return failure;
    }

    private Uni<ClaimRecord> replay(ClaimEvent seen, PartnerEvent event) {
        if (!seen.requestFingerprint.equals(event.fingerprint())) {
            return Uni.createFrom().failure(new UnprocessableRequestException("eventId",
                    "was already used for a different event"));
        }
        return claims.findById(seen.claimId).chain(claim -> withTimeline(claim, true));
    }

    private Uni<ClaimRecord> withTimeline(Claim claim, boolean replayed) {
        return events.timeline(claim.id).map(timeline -> new ClaimRecord(claim, timeline, replayed));
    }

    /** The claim moved to the event's status; a step out of order is a conflict, a time before the last step is refused. */
    private static Claim advance(Claim claim, PartnerEvent event) {
        if (claim == null) {
            throw new NotFoundException("no claim " + event.claimRef());
        }
        if (!event.type().follows().contains(claim.status)) {
            throw new ClientErrorException("a claim that is " + claim.status + " cannot become " + event.type(),
                    Response.Status.CONFLICT);
        }
        Instant last = Stream.of(claim.reportedAt, claim.visitedAt, claim.assessedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
        if (event.occurredAt().isBefore(last)) {
            throw new UnprocessableRequestException("occurredAt", "is before the claim's previous event (" + last + ")");
        }
        claim.status = event.type();
        return claim;
    }

    private void refuseFuture(Instant occurredAt) {
        if (occurredAt.isAfter(clock.instant().plus(config.clockSkew()))) {
            throw new UnprocessableRequestException("occurredAt", "is in the future");
        }
    }

    private ClaimEvent timelineEntry(Claim claim, PartnerEvent event) {
        ClaimEvent entry = new ClaimEvent();
        entry.id = UUID.randomUUID();
        entry.claimId = claim.id;
        entry.partnerId = event.partnerId();
        entry.partnerEventId = event.eventId();
        entry.requestFingerprint = event.fingerprint();
        entry.type = event.type();
        entry.occurredAt = event.occurredAt();
        entry.receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return entry;
    }

    private <T> Uni<Void> announce(EventType type, Claim claim, T data) {
        return outbox.add(type, EventEnvelope.of(type, claim.customerId, clock.instant().truncatedTo(ChronoUnit.MICROS), data))
                .replaceWithVoid();
    }
}
