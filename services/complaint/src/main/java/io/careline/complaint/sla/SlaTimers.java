package io.careline.complaint.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.complaint.sla.SlaClock.Stage;
import io.careline.complaint.sla.SlaLedger.Transition;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.complaint.SlaBreached;
import io.careline.contracts.complaint.SlaEscalated;
import io.careline.contracts.complaint.SlaWarning;
import io.careline.outbox.EventOutbox;
import io.careline.service.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The durable timers: each tick claims the clocks whose next timer is due ({@code FOR UPDATE SKIP LOCKED}, one range
 * scan of the next_fire_at index), and in one transaction per batch marks each stage fired, writes its event to the
 * outbox and its entry to the ledger. A replica never claims a clock another holds, and a committed stage is never
 * due again, so each fires exactly once however many replicas run this.
 */
@ApplicationScoped
public class SlaTimers {

    /** Who a breach escalates to, then twice the target (realm roles). */
    public static final String SUPERVISOR = Roles.SUPERVISOR;
    public static final String MANAGER = Roles.MANAGER;

    private static final Logger LOG = Logger.getLogger(SlaTimers.class);

    private final SlaPolicies policies;
    private final SlaLedger ledger;
    private final EventOutbox outbox;
    private final Clock clock;
    private final SlaConfig config;
    private final Timer ticks;
    private final Counter claimed;

    public SlaTimers(SlaPolicies policies, SlaLedger ledger, EventOutbox outbox, Clock clock, SlaConfig config,
            MeterRegistry metrics) {
        this.policies = policies;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        // a tick's cost, for the benchmark's claim that it follows the clocks due and not the clocks open
        this.ticks = Timer.builder("careline.sla.tick").description("One scheduled pass of the SLA timer worker")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.claimed = Counter.builder("careline.sla.clocks.claimed").description("Due clocks the timer worker handled")
                .register(metrics);
    }

    @Scheduled(every = "${careline.sla.timers.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onTick() {
        long start = System.nanoTime();
        return drain()
                .invoke(handled -> claimed.increment(handled))
                .onTermination().invoke(() -> ticks.record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
                .onFailure().invoke(e -> LOG.warnf("SLA timers: tick failed, the next retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Fires everything due now, batch after batch (at most careline.sla.timers.max-batches); returns the clocks handled. */
    public Uni<Integer> drain() {
        return drain(0, 0);
    }

    private Uni<Integer> drain(int batches, int handled) {
        int size = config.timers().batchSize();
        return tick(size).chain(claimed -> claimed < size || batches + 1 >= config.timers().maxBatches()
                ? Uni.createFrom().item(handled + claimed)
                : drain(batches + 1, handled + claimed));
    }

    /** One batch: claims up to {@code limit} due clocks and fires their due stages; returns how many it claimed. */
    public Uni<Integer> tick(int limit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return policies.book().chain(book -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        SELECT * FROM sla_clock WHERE next_fire_at <= ?1
                        ORDER BY next_fire_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", SlaClock.class)
                        .setParameter(1, now).setParameter(2, limit).getResultList())
                .chain(clocks -> {
                    List<Transition> transitions = new ArrayList<>();
                    List<Fired> fired = new ArrayList<>();
                    for (SlaClock due : clocks) {
                        Stage stage;
                        while ((stage = due.dueStage(now)) != null) {
                            EventType type = fire(due, stage, now, transitions);
                            fired.add(new Fired(type, EventEnvelope.of(type, due.customerId, now, event(due, stage, now))));
                        }
                        due.schedule(book.workingTime(due.calendarId));
                    }
                    // one after the other on the session, iteratively: a batch can fire hundreds of events
                    return Multi.createFrom().iterable(fired)
                            .onItem().transformToUniAndConcatenate(event -> outbox.add(event.type(), event.envelope()))
                            .collect().asList()
                            .chain(() -> ledger.append(transitions))
                            .replaceWith(clocks.size());
                })));
    }

    private record Fired(EventType type, EventEnvelope<Object> envelope) {
    }

    private static EventType fire(SlaClock clock, Stage stage, Instant now, List<Transition> transitions) {
        switch (stage) {
            case WARNING -> {
                clock.warnedAt = now;
                transitions.add(new Transition(LedgerEntryType.WARNED, clock, now, SlaClocks.details("warnAt", clock.warnAt)));
                return SlaWarning.EVENT;
            }
            case BREACH -> {
                clock.breachedAt = now;
                clock.escalatedTo = SUPERVISOR;
                transitions.add(new Transition(LedgerEntryType.BREACHED, clock, now, SlaClocks.details("escalatedTo", SUPERVISOR)));
                return SlaBreached.EVENT;
            }
            default -> {
                clock.escalatedAt = now;
                clock.escalatedTo = MANAGER;
                transitions.add(new Transition(LedgerEntryType.ESCALATED, clock, now,
                        SlaClocks.details("escalatedTo", MANAGER, "escalateAt", clock.escalateAt)));
                return SlaEscalated.EVENT;
            }
        }
    }

    private static Object event(SlaClock clock, Stage stage, Instant now) {
        String kind = clock.kind.name();
        return switch (stage) {
            case WARNING -> new SlaWarning(clock.complaintId, kind, clock.policyId, clock.dueAt, now, clock.assignee, clock.team);
            case BREACH -> new SlaBreached(clock.complaintId, kind, clock.policyId, clock.dueAt, now, SUPERVISOR, clock.assignee, clock.team);
            case ESCALATION -> new SlaEscalated(clock.complaintId, kind, clock.policyId, clock.dueAt, now, MANAGER, clock.assignee, clock.team);
        };
    }
}
