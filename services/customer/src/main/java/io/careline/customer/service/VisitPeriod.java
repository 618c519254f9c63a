package io.careline.customer.service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A visit period: {@code months} calendar months from {@code start}, counted in {@code zone}. Periods are aligned on
 * the calendar (with a cadence of 3, January, April, July, October), so every replica and every report agrees on them.
 */
public record VisitPeriod(YearMonth start, int months, ZoneId zone) {

    public static VisitPeriod containing(YearMonth month, int months, ZoneId zone) {
        int index = Math.floorDiv(month.getYear() * 12 + month.getMonthValue() - 1, months) * months;
        return new VisitPeriod(YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1), months, zone);
    }

    public static VisitPeriod containing(Instant at, int months, ZoneId zone) {
        return containing(YearMonth.from(at.atZone(zone)), months, zone);
    }

    public Instant from() {
        return start.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    public Instant to() {
        return start.plusMonths(months).atDay(1).atStartOfDay(zone).toInstant();
    }

    public VisitPeriod previous() {
        return new VisitPeriod(start.minusMonths(months), months, zone);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from()) && at.isBefore(to());
    }

    /** yyyy-MM of its first month. */
    public String label() {
        return start.toString();
    }
}
