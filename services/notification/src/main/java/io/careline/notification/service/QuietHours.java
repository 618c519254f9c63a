package io.careline.notification.service;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Quiet hours in the recipient's zone, e.g. 22:00 to 08:00 (across midnight); start equal to end means none. */
record QuietHours(LocalTime start, LocalTime end) {

    /** When the quiet hours around {@code now} end, or empty when {@code now} is not in them. */
    Optional<Instant> endOf(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime opens = local.with(end);
        return Optional.of((opens.isAfter(local) ? opens : opens.plusDays(1)).toInstant());
    }
}
