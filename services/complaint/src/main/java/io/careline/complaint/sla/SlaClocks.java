package io.careline.complaint.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.careline.complaint.repository.Complaint;
import io.careline.complaint.sla.SlaClock.Outcome;
import io.careline.complaint.sla.SlaClock.State;
import io.careline.complaint.sla.SlaLedger.Transition;
import io.smallrye.mutiny.Uni;

/**
 * What the complaint's lifecycle tells its SLA clocks. Every method runs inside the caller's transaction (call it
 * within {@code Panache.withTransaction}), locks the complaint's clocks, and records each transition in the ledger.
 * A call that does not apply (a reply after the first, a resume of a clock that is not paused) changes nothing.
 */
@ApplicationScoped
public class SlaClocks {

    private final SlaPolicies policies;
    private final SlaLedger ledger;
    private final SlaConfig config;

    public SlaClocks(SlaPolicies policies, SlaLedger ledger, SlaConfig config) {
        this.policies = policies;
        this.ledger = ledger;
        this.config = config;
    }

    /** Starts both clocks of a complaint just filed, at its receipt, under the most specific matching policy. */
    public Uni<List<SlaClock>> start(Complaint complaint) {
        return start(SlaSubject.of(complaint));
    }

    public Uni<List<SlaClock>> start(SlaSubject subject) {
        return policies.book().chain(book -> {
            SlaPolicy policy = book.match(subject);
            WorkingTime time = book.workingTime(policy.calendarId());
            List<SlaClock> clocks = new ArrayList<>();
            List<Transition> started = new ArrayList<>();
            for (ClockKind kind : ClockKind.values()) {
                SlaClock clock = newClock(subject, policy, kind, time);
                clocks.add(clock);
                started.add(new Transition(LedgerEntryType.STARTED, clock, clock.startedAt,
                        details("reference", subject.reference(), "warnAt", clock.warnAt, "escalateAt", clock.escalateAt)));
            }
            return SlaClock.persist(clocks).chain(() -> ledger.append(started)).replaceWith(clocks);
        });
    }

    /**
     * A person's first public reply stops the first-reply clock (an automatic acknowledgement must not call this).
     * {@code by} and {@code team}, when known, credit the reply in the compliance report.
     */
    public Uni<Void> firstPublicReplyByPerson(UUID complaintId, Instant at, String by, String team) {
        return change(complaintId, at, (clock, time, when) -> clock.kind == ClockKind.FIRST_REPLY && clock.state != State.STOPPED
                ? stop(clock, when, time, details("by", by, "byTeam", team))
                : null);
    }

    public Uni<Void> firstPublicReplyByPerson(UUID complaintId, Instant at) {
        return firstPublicReplyByPerson(complaintId, at, null, null);
    }

    /** The complaint waits on the customer: its running clocks stop counting until {@link #resumed}. */
    public Uni<Void> pausedWaitingOnCustomer(UUID complaintId, Instant at) {
        return change(complaintId, at, (clock, time, when) -> {
            if (clock.state != State.RUNNING) {
                return null;
            }
            clock.consumedSeconds = clock.consumedAt(when, time);
            clock.state = State.PAUSED;
            clock.runningSince = null;
            clock.pausedAt = when;
            clock.schedule(time);
            return new Transition(LedgerEntryType.PAUSED, clock, when, details("consumedSeconds", clock.consumedSeconds));
        });
    }

    /** The customer answered: paused clocks run again, and their due times move on by the pause. */
    public Uni<Void> resumed(UUID complaintId, Instant at) {
        return change(complaintId, at, (clock, time, when) -> {
            if (clock.state != State.PAUSED) {
                return null;
            }
            Duration paused = Duration.between(clock.pausedAt, when);
            clock.state = State.RUNNING;
            clock.runningSince = when;
            clock.pausedAt = null;
            clock.schedule(time);
            return new Transition(LedgerEntryType.RESUMED, clock, when,
                    details("consumedSeconds", clock.consumedSeconds, "pausedSeconds", paused.getSeconds()));
        });
    }

    /** Resolved: the resolution clock stops, and so does a first-reply clock nobody stopped. */
    public Uni<Void> resolved(UUID complaintId, Instant at) {
        return change(complaintId, at, (clock, time, when) -> clock.state != State.STOPPED
                ? stop(clock, when, time, details("reason", "resolved"))
                : null);
    }

    /** Reopened after resolution: the resolution clock runs again from where it stopped. */
    public Uni<Void> reopened(UUID complaintId, Instant at) {
        return change(complaintId, at, (clock, time, when) -> {
            if (clock.kind != ClockKind.RESOLUTION || clock.state != State.STOPPED) {
                return null;
            }
            clock.state = State.RUNNING;
            clock.runningSince = when;
            clock.stoppedAt = null;
            clock.outcome = null;
            clock.schedule(time);
            return new Transition(LedgerEntryType.REOPENED, clock, when, details("consumedSeconds", clock.consumedSeconds));
        });
    }

    /** Who has the complaint now: warnings name them, and the report credits them. */
    public Uni<Void> assigned(UUID complaintId, String assignee, String team, Instant at) {
        return change(complaintId, at, (clock, time, when) -> {
            if (clock.state == State.STOPPED) {
                return null;
            }
            clock.assignee = assignee;
            clock.team = team;
            return new Transition(LedgerEntryType.ASSIGNED, clock, when, Map.of());
        });
    }

    /** One clock's transition at an instant (PostgreSQL's precision), or null if it does not apply to that clock. */
    private interface Change {
        Transition apply(SlaClock clock, WorkingTime time, Instant when);
    }

    private Uni<Void> change(UUID complaintId, Instant at, Change change) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return policies.book().chain(book -> SlaClock.<SlaClock> find("complaintId", complaintId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(clocks -> {
                    List<Transition> transitions = new ArrayList<>();
                    clocks.stream().sorted(Comparator.comparing(clock -> clock.kind)).forEach(clock -> {
                        Transition transition = change.apply(clock, book.workingTime(clock.calendarId), when);
                        if (transition != null) {
                            transitions.add(transition);
                        }
                    });
                    return ledger.append(transitions).chain(() -> transitions.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : followedByTheComplaint(complaintId, clocks));
                }));
    }

    /**
     * The complaint's copies of the due times (which its queue orders by) follow the clocks in the same transaction;
     * the complaint is usually already in the session, and is only changed (its version moved) when a time changed.
     */
    private static Uni<Void> followedByTheComplaint(UUID complaintId, List<SlaClock> clocks) {
        return Complaint.<Complaint> findById(complaintId).invoke(complaint -> {
            if (complaint == null) {
                return;
            }
            for (SlaClock clock : clocks) {
                if (clock.kind == ClockKind.FIRST_REPLY && !Objects.equals(complaint.firstReplyDueAt, clock.dueAt)) {
                    complaint.firstReplyDueAt = clock.dueAt;
                } else if (clock.kind == ClockKind.RESOLUTION && !Objects.equals(complaint.resolutionDueAt, clock.dueAt)) {
                    complaint.resolutionDueAt = clock.dueAt;
                }
            }
        }).replaceWithVoid();
    }

    private static Transition stop(SlaClock clock, Instant at, WorkingTime time, Map<String, Object> details) {
        clock.consumedSeconds = clock.consumedAt(at, time);
        clock.state = State.STOPPED;
        clock.runningSince = null;
        clock.pausedAt = null;
        clock.stoppedAt = at;
        clock.outcome = clock.consumedSeconds <= clock.targetSeconds ? Outcome.MET : Outcome.BREACHED;
        clock.schedule(time);
        Map<String, Object> all = new HashMap<>(details);
        all.put("outcome", clock.outcome.name());
        all.put("consumedSeconds", clock.consumedSeconds);
        all.put("overBySeconds", Math.max(clock.consumedSeconds - clock.targetSeconds, 0));
        return new Transition(LedgerEntryType.STOPPED, clock, at, all);
    }

    private SlaClock newClock(SlaSubject subject, SlaPolicy policy, ClockKind kind, WorkingTime time) {
        long target = policy.target(kind).getSeconds();
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.complaintId = subject.complaintId();
        clock.customerId = subject.customerId();
        clock.kind = kind;
        clock.policyId = policy.id();
        clock.calendarId = policy.calendarId();
        clock.targetSeconds = target;
        clock.warningSeconds = Math.max(1, Math.round(target * config.warningShare()));
        clock.state = State.RUNNING;
        clock.startedAt = subject.receivedAt().truncatedTo(ChronoUnit.MICROS);
        clock.runningSince = clock.startedAt;
        clock.schedule(time);
        return clock;
    }

    /** Details of a ledger entry; null values are left out. */
    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }
}
