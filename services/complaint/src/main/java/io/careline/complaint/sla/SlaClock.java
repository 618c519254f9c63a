package io.careline.complaint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One SLA clock of a complaint. Working time is counted in the policy's calendar: {@code consumedSeconds} before
 * {@code runningSince}, and whatever the calendar counts since. The warning, target and twice-the-target instants are
 * derived from those and stored, so the timer worker finds due clocks by {@code nextFireAt} alone.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {

    public enum State { RUNNING, PAUSED, STOPPED }

    public enum Outcome { MET, BREACHED }

    /** The three timers of a clock, in the order they fire. */
    public enum Stage { WARNING, BREACH, ESCALATION }

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "customer_id", nullable = false, length = 64)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ClockKind kind;

    @Column(name = "policy_id", nullable = false, length = 40)
    public String policyId;

    @Column(name = "calendar_id", length = 40)
    public String calendarId;

    @Column(name = "target_seconds", nullable = false)
    public long targetSeconds;

    @Column(name = "warning_seconds", nullable = false)
    public long warningSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "consumed_seconds", nullable = false)
    public long consumedSeconds;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Outcome outcome;

    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "escalate_at")
    public Instant escalateAt;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "next_fire_at")
    public Instant nextFireAt;

    @Column(name = "escalated_to", length = 16)
    public String escalatedTo;

    @Column(length = 100)
    public String assignee;

    @Column(length = 100)
    public String team;

    @Version
    public long version;

    /** Working time used up to {@code at}. */
    long consumedAt(Instant at, WorkingTime time) {
        return state == State.RUNNING
                ? consumedSeconds + time.between(runningSince, at).getSeconds()
                : consumedSeconds;
    }

    /**
     * Recomputes the timers not yet fired from where the clock stands, while it runs. A stopped clock keeps the times
     * it had (when it was due) and fires nothing more; a paused one has no times until it resumes, when they move on.
     * A stage whose share is already used up fires at once (its time is {@code runningSince}).
     */
    void schedule(WorkingTime time) {
        if (state == State.STOPPED) {
            nextFireAt = null;
            return;
        }
        if (state == State.PAUSED) {
            if (warnedAt == null) {
                warnAt = null;
            }
            if (breachedAt == null) {
                dueAt = null;
            }
            if (escalatedAt == null) {
                escalateAt = null;
            }
            nextFireAt = null;
            return;
        }
        if (warnedAt == null) {
            warnAt = at(time, warningSeconds);
        }
        if (breachedAt == null) {
            dueAt = at(time, targetSeconds);
        }
        if (escalatedAt == null) {
            escalateAt = at(time, 2 * targetSeconds);
        }
        nextFireAt = firstUnfired();
    }

    private Instant at(WorkingTime time, long share) {
        return time.plus(runningSince, Duration.ofSeconds(Math.max(share - consumedSeconds, 0)));
    }

    /** The earliest stage not yet fired, or null. */
    Instant firstUnfired() {
        if (warnedAt == null) {
            return warnAt;
        }
        if (breachedAt == null) {
            return dueAt;
        }
        return escalatedAt == null ? escalateAt : null;
    }

    /** The next stage to fire, if it is due by {@code now}. */
    Stage dueStage(Instant now) {
        if (state != State.RUNNING) {
            return null;
        }
        if (warnedAt == null) {
            return !warnAt.isAfter(now) ? Stage.WARNING : null;
        }
        if (breachedAt == null) {
            return !dueAt.isAfter(now) ? Stage.BREACH : null;
        }
        if (escalatedAt == null) {
            return !escalateAt.isAfter(now) ? Stage.ESCALATION : null;
        }
        return null;
    }
}
