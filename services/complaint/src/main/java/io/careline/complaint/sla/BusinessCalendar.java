package io.careline.complaint.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Working hours in a timezone: periods per weekday (several a day, e.g. 09:00–12:00 and 13:00–18:00) and holidays.
 * An instant is working time when its local wall-clock time, in the calendar's zone, falls in one of the periods of
 * a working day, start included, end excluded. Across a DST change that is what the clock on the office wall says:
 * the hour skipped in spring is never worked, the hour repeated in autumn is worked twice if it is in a period.
 */
public final class BusinessCalendar implements WorkingTime {

    /** One working period of a day, {@code start} included, {@code end} excluded. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a period ends after it starts: " + start + "–" + end);
            }
        }
    }

    // a calendar with working periods finds one within a year plus its holidays; past this it has none left
    private static final int MAX_IDLE_DAYS = 3 * 366;

    private final String id;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<Period>> week;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        this.id = Objects.requireNonNull(id, "id");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> this.week.put(day, sortedWithoutOverlaps(day, periods)));
        if (this.week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar " + id + " has no working period");
        }
        this.holidays = Set.copyOf(holidays);
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<Period>> week() {
        return week;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** Whether this instant is working time (the definition the interval arithmetic below must agree with). */
    public boolean isWorking(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    @Override
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a negative amount of working time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration[] remaining = { amount };
        Instant[] result = { start };
        walk(start, (from, to) -> {
            Duration length = Duration.between(from, to);
            if (length.compareTo(remaining[0]) >= 0) {
                result[0] = from.plus(remaining[0]);
                return false;
            }
            remaining[0] = remaining[0].minus(length);
            return true;
        }, null);
        return result[0];
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration[] total = { Duration.ZERO };
        walk(from, (a, b) -> {
            if (!a.isBefore(to)) {
                return false;
            }
            total[0] = total[0].plus(Duration.between(a, b.isAfter(to) ? to : b));
            return b.isBefore(to);
        }, to);
        return total[0];
    }

    private interface IntervalVisitor {
        /** Visits one stretch of working time, in order; returns whether to go on. */
        boolean visit(Instant from, Instant to);
    }

    /**
     * Visits the working intervals from {@code start} on, in order. Between two offset transitions of the zone the
     * offset is fixed, so local time is the instant plus that offset and each working period of each day maps to
     * one interval of instants; the walk clips those to the stretch where that offset applies.
     */
    private void walk(Instant start, IntervalVisitor visitor, Instant end) {
        Instant segmentStart = start;
        LocalDate lastWorked = null;
        while (true) {
            ZoneOffset offset = rules.getOffset(segmentStart);
            ZoneOffsetTransition next = rules.nextTransition(segmentStart);
            Instant segmentEnd = next == null ? Instant.MAX : next.getInstant();
            // from the day before: after a backward change, the previous local day's periods can still lie ahead
            LocalDate day = LocalDateTime.ofInstant(segmentStart, offset).toLocalDate().minusDays(1);
            while (true) {
                Instant dayStart = day.atStartOfDay().toInstant(offset);
                if (!dayStart.isBefore(segmentEnd)) {
                    break;
                }
                if (end != null && !dayStart.isBefore(end)) {
                    return;
                }
                if (!holidays.contains(day)) {
                    for (Period period : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                        Instant from = max(LocalDateTime.of(day, period.start()).toInstant(offset), segmentStart);
                        Instant to = min(LocalDateTime.of(day, period.end()).toInstant(offset), segmentEnd);
                        if (from.isBefore(to)) {
                            lastWorked = day;
                            if (!visitor.visit(from, to)) {
                                return;
                            }
                        }
                    }
                }
                if (lastWorked == null ? Duration.between(start, dayStart).toDays() > MAX_IDLE_DAYS
                        : day.toEpochDay() - lastWorked.toEpochDay() > MAX_IDLE_DAYS) {
                    throw new IllegalStateException("calendar " + id + " has no working time after " + day);
                }
                day = day.plusDays(1);
            }
            segmentStart = segmentEnd;
        }
    }

    private static List<Period> sortedWithoutOverlaps(DayOfWeek day, List<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("overlapping periods on " + day + ": " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "business calendar " + id + " (" + zone + ")";
    }
}
