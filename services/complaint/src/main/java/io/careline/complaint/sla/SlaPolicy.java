package io.careline.complaint.sla;

import java.time.Duration;

/** Targets for the complaints it matches; a null category, priority or channel matches any. */
public record SlaPolicy(String id, String name, String category, String priority, String channel,
        Duration firstReplyTarget, Duration resolutionTarget, String calendarId) {

    boolean matches(SlaSubject subject) {
        return (category == null || category.equals(subject.category()))
                && (priority == null || priority.equals(subject.priority()))
                && (channel == null || channel.equals(subject.channel()));
    }

    /** More specific wins; category weighs more than priority, priority more than channel (no ties: the match is unique). */
    int specificity() {
        return (category != null ? 4 : 0) + (priority != null ? 2 : 0) + (channel != null ? 1 : 0);
    }

    Duration target(ClockKind kind) {
        return kind == ClockKind.FIRST_REPLY ? firstReplyTarget : resolutionTarget;
    }
}
