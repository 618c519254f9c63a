package io.careline.complaint.sla;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Every policy and calendar, as read at one moment. */
public record PolicyBook(List<SlaPolicy> policies, Map<String, NamedCalendar> calendars) {

    /** A calendar with its display name and its holidays' names. */
    public record NamedCalendar(String name, BusinessCalendar calendar, SortedMap<LocalDate, String> holidays) {
    }

    /** The most specific policy matching the complaint; the seeded default matches every complaint. */
    public SlaPolicy match(SlaSubject subject) {
        return policies.stream().filter(p -> p.matches(subject))
                .max(Comparator.comparingInt(SlaPolicy::specificity))
                .orElseThrow(() -> new IllegalStateException("no SLA policy matches " + subject.complaintId()
                        + "; the default policy (no category, priority or channel) is missing"));
    }

    /** How a clock of this calendar counts time: calendar hours when it has none. */
    public WorkingTime workingTime(String calendarId) {
        if (calendarId == null) {
            return WorkingTime.CALENDAR_HOURS;
        }
        NamedCalendar named = calendars.get(calendarId);
        if (named == null) {
            throw new IllegalStateException("unknown SLA calendar " + calendarId);
        }
        return named.calendar();
    }
}
