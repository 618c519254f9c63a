package io.careline.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A time as a recipient reads it: in their zone, written the way their language writes dates, with the zone named. */
public final class LocalTimes {

    private static final Map<String, String> PATTERNS = Map.of(
            "en", "d MMM yyyy, HH:mm",
            "ru", "d MMMM yyyy, HH:mm",
            "zh", "yyyy年M月d日 HH:mm");

    private LocalTimes() {
    }

    public static String format(Instant time, Locale locale, ZoneId zone) {
        String pattern = PATTERNS.getOrDefault(locale.getLanguage(), PATTERNS.get("en"));
        String local = DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(time);
        // the zone's id, not a localized name: "Europe/Moscow" is unambiguous in every language, "UTC" stays "UTC"
        return local + " " + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }
}
