package io.careline.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.careline.complaint.sla.BusinessCalendar.Period;

/** The business-time maths, against worked examples and against a brute-force walk minute by minute. */
class BusinessCalendarTest {

    private static final List<Period> OFFICE_DAY = List.of(period("09:00", "12:00"), period("13:00", "18:00"));

    @Test
    void aDeadlineSkipsTheLunchBreakTheWeekendAndAHoliday() {
        BusinessCalendar moscow = weekdays("moscow", "Europe/Moscow", OFFICE_DAY, Set.of(LocalDate.parse("2026-11-04")));
        // Monday 2 Nov 2026, 11:00 Moscow (UTC+3): 1 h before lunch, 5 h after, 2 h on Tuesday
        Instant monday11 = at("2026-11-02T11:00", "Europe/Moscow");
        assertThat(moscow.plus(monday11, Duration.ofHours(2))).isEqualTo(at("2026-11-02T14:00", "Europe/Moscow"));
        assertThat(moscow.plus(monday11, Duration.ofHours(8))).isEqualTo(at("2026-11-03T11:00", "Europe/Moscow"));
        // Tuesday ends with 7 more hours; Wednesday 4 Nov is a holiday; Thursday 09:00 + 1 h
        assertThat(moscow.plus(monday11, Duration.ofHours(15))).isEqualTo(at("2026-11-05T10:00", "Europe/Moscow"));
        // Friday 17:00 + 2 h: Monday 10:00
        assertThat(moscow.plus(at("2026-11-06T17:00", "Europe/Moscow"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-09T10:00", "Europe/Moscow"));
        // started on a Saturday: the clock counts from Monday 09:00
        assertThat(moscow.plus(at("2026-11-07T10:00", "Europe/Moscow"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-09T09:30", "Europe/Moscow"));
        assertThat(moscow.between(monday11, at("2026-11-05T10:00", "Europe/Moscow"))).isEqualTo(Duration.ofHours(15));
        assertThat(moscow.between(at("2026-11-02T12:10", "Europe/Moscow"), at("2026-11-02T12:50", "Europe/Moscow")))
                .isZero();
    }

    @Test
    void aTargetThatEndsExactlyAtClosingTimeIsDueAtClosingTime() {
        BusinessCalendar moscow = weekdays("moscow", "Europe/Moscow", OFFICE_DAY, Set.of());
        assertThat(moscow.plus(at("2026-11-02T09:00", "Europe/Moscow"), Duration.ofHours(8)))
                .isEqualTo(at("2026-11-02T18:00", "Europe/Moscow"));
    }

    @Test
    void theSpringGapIsNeverWorkedAndTheAutumnHourTwice() {
        // a night shift 01:00–04:00 every day in Berlin: 29 Mar 2026 skips 02:00–03:00, 25 Oct 2026 repeats it
        BusinessCalendar nights = everyDay("nights", "Europe/Berlin", List.of(period("01:00", "04:00")));
        Instant spring = at("2026-03-29T00:00", "Europe/Berlin");
        assertThat(nights.between(spring, spring.plus(Duration.ofHours(6)))).isEqualTo(Duration.ofHours(2));
        Instant autumn = at("2026-10-25T00:00", "Europe/Berlin");
        assertThat(nights.between(autumn, autumn.plus(Duration.ofHours(6)))).isEqualTo(Duration.ofHours(4));
        // 2 h of work from 01:00 CET on 29 Mar end at 04:00 CEST, which is 02:00 UTC
        assertThat(nights.plus(spring.plus(Duration.ofHours(1)), Duration.ofHours(2))).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void newYorkOfficeHoursAcrossItsDstChangeAreStillNineToFive() {
        BusinessCalendar newYork = weekdays("ny", "America/New_York", List.of(period("09:00", "17:00")), Set.of());
        // Friday 30 Oct 2026 16:00 EDT + 2 h: Monday 2 Nov 10:00 EST (the clocks went back on Sunday 1 Nov)
        assertThat(newYork.plus(at("2026-10-30T16:00", "America/New_York"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
    }

    @Test
    void calendarHoursCountEveryHour() {
        Instant start = Instant.parse("2026-03-28T12:00:00Z");
        assertThat(WorkingTime.CALENDAR_HOURS.plus(start, Duration.ofHours(48))).isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
        assertThat(WorkingTime.CALENDAR_HOURS.between(start, start.minusSeconds(1))).isZero();
    }

    @Test
    void aCalendarWithoutWorkingTimeIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar("none", ZoneId.of("UTC"), Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weekdays("overlap", "UTC", List.of(period("09:00", "12:00"), period("11:00", "13:00")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random calendars (zones with and without DST, a half-hour DST in Lord Howe, several periods a day, holidays)
     * and random instants around the 2026 DST changes: {@code between} equals the minutes a walk counts one by one,
     * and {@code plus} returns the first instant at which the walk has counted the amount.
     */
    @Test
    void agreesWithAMinuteByMinuteWalk() {
        Random random = new Random(20261123L);
        String[] zones = { "Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC" };
        Instant[] around = { Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-11-01T06:00:00Z"),
                Instant.parse("2026-04-04T15:00:00Z"), Instant.parse("2026-10-03T16:00:00Z"), Instant.parse("2026-06-15T00:00:00Z") };
        for (int run = 0; run < 200; run++) {
            String zoneName = zones[random.nextInt(zones.length)];
            BusinessCalendar calendar = randomCalendar(random, ZoneId.of(zoneName));
            Instant base = around[random.nextInt(around.length)];
            Instant from = base.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
            String what = calendar.week() + " holidays " + calendar.holidays() + " in " + zoneName + " from " + from;

            long walked = 0;
            for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
                if (calendar.isWorking(minute)) {
                    walked++;
                }
            }
            assertThat(calendar.between(from, to)).as(what + " to " + to).isEqualTo(Duration.ofMinutes(walked));

            long amount = 1 + random.nextInt(20 * 60);
            Instant due = calendar.plus(from, Duration.ofMinutes(amount));
            long counted = 0;
            Instant minute = from;
            while (counted < amount) {
                if (calendar.isWorking(minute)) {
                    counted++;
                }
                minute = minute.plus(1, ChronoUnit.MINUTES);
            }
            // the walk counted the last minute [m, m + 1 min): the amount is reached at its end
            assertThat(due).as(what + " plus " + amount + " min").isEqualTo(minute);
            assertThat(calendar.between(from, due)).isEqualTo(Duration.ofMinutes(amount));
        }
    }

    private static BusinessCalendar randomCalendar(Random random, ZoneId zone) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(7) == 0) {
                continue; // a day off
            }
            List<Period> periods = new ArrayList<>();
            int minute = random.nextInt(4 * 60); // from midnight, so the DST hours are covered too
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count && minute < 23 * 60; i++) {
                int end = Math.min(minute + 15 + random.nextInt(6 * 60), 24 * 60 - 1);
                periods.add(new Period(LocalTime.ofSecondOfDay(minute * 60L), LocalTime.ofSecondOfDay(end * 60L)));
                minute = end + 1 + random.nextInt(120);
            }
            week.put(day, periods);
        }
        if (week.isEmpty()) {
            week.put(DayOfWeek.MONDAY, List.of(period("09:00", "17:00")));
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            holidays.add(LocalDate.parse("2026-03-01").plusDays(random.nextInt(250)));
        }
        holidays.add(LocalDate.parse("2026-03-29")); // sometimes matters, sometimes not (the zone's DST day or not)
        return new BusinessCalendar("random", zone, week, holidays);
    }

    private static BusinessCalendar weekdays(String id, String zone, List<Period> periods, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, periods);
        }
        return new BusinessCalendar(id, ZoneId.of(zone), week, holidays);
    }

    private static BusinessCalendar everyDay(String id, String zone, List<Period> periods) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, periods);
        }
        return new BusinessCalendar(id, ZoneId.of(zone), week, Set.of());
    }

    private static Period period(String start, String end) {
        return new Period(LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Instant at(String local, String zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ZoneId.of(zone)).toInstant();
    }
}
