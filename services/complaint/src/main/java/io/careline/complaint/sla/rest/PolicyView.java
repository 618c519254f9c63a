package io.careline.complaint.sla.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.careline.complaint.sla.PolicyBook;
import io.careline.complaint.sla.PolicyBook.NamedCalendar;
import io.careline.complaint.sla.SlaPolicy;

/** A policy as staff read it: what it matches (null: any), its targets (ISO-8601 durations) and how they count. */
public record PolicyView(String id, String name, String category, String priority, String channel,
        String firstReplyTarget, String resolutionTarget, String hours, CalendarView calendar) {

    public record CalendarView(String id, String name, String timezone, Map<String, List<String>> week,
            List<HolidayView> holidays) {
    }

    public record HolidayView(LocalDate day, String name) {
    }

    static PolicyView of(SlaPolicy policy, PolicyBook book) {
        CalendarView calendar = null;
        if (policy.calendarId() != null) {
            NamedCalendar named = book.calendars().get(policy.calendarId());
            Map<String, List<String>> week = new LinkedHashMap<>();
            named.calendar().week().forEach((day, periods) -> week.put(day.name(),
                    periods.stream().map(p -> p.start() + "–" + p.end()).toList()));
            calendar = new CalendarView(policy.calendarId(), named.name(), named.calendar().zone().getId(), week,
                    named.holidays().entrySet().stream().map(e -> new HolidayView(e.getKey(), e.getValue())).toList());
        }
        return new PolicyView(policy.id(), policy.name(), policy.category(), policy.priority(), policy.channel(),
                policy.firstReplyTarget().toString(), policy.resolutionTarget().toString(),
                calendar == null ? "CALENDAR" : "BUSINESS", calendar);
    }
}
