package io.careline.complaint.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.RewardDraw;
import io.careline.complaint.repository.RewardDrawEntry;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.DrawWinnersAnnounced;
import io.careline.outbox.EventOutbox;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The monthly reward draw among confirmed network reporters: the distinct customers with a report that happened in
 * the month (UTC) and belongs to an incident staff confirmed. Run once per month, after it ended; running it again
 * answers with the same draw. Winners are {@link Draws#winners}; each is announced by {@code DrawWinnersAnnounced}.
 */
@ApplicationScoped
public class DrawService {

    private static final String MONTH_CONSTRAINT = "reward_draw_month_key";
    private final SecureRandom random = new SecureRandom();
    private final EventOutbox outbox;
    private final ComplaintConfig config;

    public DrawService(EventOutbox outbox, ComplaintConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record Drawn(RewardDraw draw, List<RewardDrawEntry> winners, boolean replayed) {
    }

    public Uni<Drawn> run(Actor supervisor, YearMonth month, String seed) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Uncancellable.run(() -> Panache.withTransaction(() -> RewardDraw.<RewardDraw> find("month", month.toString())
                .firstResult().chain(existing -> {
                    if (existing != null) {
                        return winners(existing).map(winners -> new Drawn(existing, winners, true));
                    }
                    if (Instant.now().isBefore(end)) {
                        throw ComplaintProblem.conflict("month", "has not ended yet; draw it from " + end);
                    }
                    return eligible(start, end).chain(eligible -> draw(supervisor, month, seed, eligible));
                })))
                .onFailure(ConstraintViolationException.class).recoverWithUni(failure -> MONTH_CONSTRAINT
                        .equalsIgnoreCase(((ConstraintViolationException) failure).getConstraintName())
                                ? find(month).map(drawn -> new Drawn(drawn.draw(), drawn.winners(), true))
                                : Uni.createFrom().failure(failure));
    }

    private Uni<List<String>> eligible(Instant start, Instant end) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select distinct r.customerId from NetworkReport r, NetworkIncident i
                where r.incidentId = i.id and i.confirmedAt is not null and r.occurredAt >= :start and r.occurredAt < :end
                order by r.customerId""", String.class)
                .setParameter("start", start).setParameter("end", end).getResultList());
    }

    private Uni<Drawn> draw(Actor supervisor, YearMonth month, String requestedSeed, List<String> found) {
        List<String> eligible = Draws.eligible(found);
        if (eligible.isEmpty()) {
            throw ComplaintProblem.conflict("month", "has no confirmed reporters to draw from");
        }
        String seed = requestedSeed != null ? requestedSeed : newSeed();
        List<Draws.Ticket> tickets = Draws.winners(seed, eligible, config.draw().winners());
        Instant now = ComplaintWork.now();
        RewardDraw draw = new RewardDraw();
        draw.id = UUID.randomUUID();
        draw.month = month.toString();
        draw.seed = seed;
        draw.eligibleCount = eligible.size();
        draw.eligibleDigest = Draws.digest(eligible);
        draw.winnerCount = tickets.size();
        draw.amount = config.draw().amount();
        draw.currency = config.draw().currency();
        draw.drawnBy = supervisor.name();
        draw.drawnAt = now;
        List<RewardDrawEntry> entries = new ArrayList<>();
        List<RewardDrawEntry> winners = new ArrayList<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            ranks.put(tickets.get(i).customerId(), i + 1);
        }
        for (String customerId : eligible) {
            RewardDrawEntry entry = new RewardDrawEntry();
            entry.drawId = draw.id;
            entry.customerId = customerId;
            entry.winnerRank = ranks.get(customerId);
            entries.add(entry);
        }
        Uni<Void> stored = draw.persist().chain(() -> RewardDrawEntry.persist(entries));
        for (Draws.Ticket ticket : tickets) {
            RewardDrawEntry winner = entries.stream().filter(e -> e.customerId.equals(ticket.customerId())).findFirst().orElseThrow();
            winners.add(winner);
            stored = stored.chain(() -> outbox.add(DrawWinnersAnnounced.EVENT, EventEnvelope.of(DrawWinnersAnnounced.EVENT,
                    winner.customerId, now, new DrawWinnersAnnounced(draw.id, draw.month, seed, winner.winnerRank,
                            draw.winnerCount, draw.eligibleCount, draw.eligibleDigest, draw.amount, draw.currency, now)))
                    .replaceWithVoid());
        }
        return stored.replaceWith(new Drawn(draw, winners, false));
    }

    private String newSeed() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    public Uni<Drawn> find(YearMonth month) {
        return Uncancellable.run(() -> Panache.withSession(() -> RewardDraw.<RewardDraw> find("month", month.toString())
                .firstResult().chain(draw -> draw == null ? Uni.createFrom().<Drawn> nullItem()
                        : winners(draw).map(winners -> new Drawn(draw, winners, true)))))
                .onItem().ifNull().failWith(() -> ComplaintProblem.missing("no draw for " + month));
    }

    public record EligiblePage(List<String> items, long total) {
    }

    public Uni<EligiblePage> eligible(YearMonth month, int page, int size) {
        return find(month).chain(drawn -> Uncancellable.run(() -> Panache.withSession(() -> RewardDrawEntry
                .<RewardDrawEntry> find("drawId", Sort.ascending("customerId"), drawn.draw().id).page(Page.of(page, size))
                .list().map(entries -> new EligiblePage(entries.stream().map(e -> e.customerId).toList(),
                        drawn.draw().eligibleCount)))));
    }

    private static Uni<List<RewardDrawEntry>> winners(RewardDraw draw) {
        return RewardDrawEntry.list("drawId = :draw and winnerRank is not null", Sort.ascending("winnerRank"),
                Parameters.with("draw", draw.id));
    }
}
