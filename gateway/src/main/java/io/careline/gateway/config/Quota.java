package io.careline.gateway.config;

import java.util.concurrent.TimeUnit;

/**
 * A caller's allowance: a steady number of requests a minute, plus a burst that may come at once. Written in
 * configuration as {@code perMinute/burst}, e.g. {@code 120/30}.
 */
public record Quota(int perMinute, int burst) {

    public Quota {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("a quota's requests a minute and burst are both at least 1");
        }
    }

    /** Parses {@code perMinute/burst}; SmallRye Config finds this method to convert the configured text. */
    public static Quota of(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Quota(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below with the whole text
        }
        throw new IllegalArgumentException("a quota reads requests-a-minute/burst, e.g. 120/30, not '" + text + "'");
    }

    /** GCRA's emission interval: the time between two requests at the steady rate. */
    public long intervalMicros() {
        return TimeUnit.MINUTES.toMicros(1) / perMinute;
    }

    /** GCRA's tolerance: how far ahead of the steady rate a burst may run. */
    public long toleranceMicros() {
        return intervalMicros() * burst;
    }

    @Override
    public String toString() {
        return perMinute + "/" + burst;
    }
}
