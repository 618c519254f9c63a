package io.careline.service.http;

/** Retry-After in whole seconds, at least 1: HTTP has no finer unit. */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    public static long seconds(OverloadConfig config) {
        return Math.max(1, (config.retryAfter().toMillis() + 999) / 1000);
    }
}
