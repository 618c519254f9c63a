package io.careline.service.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service sheds load it cannot serve: a fast 503 with Retry-After rather than an ever-longer queue. */
@ConfigMapping(prefix = "careline.overload")
public interface OverloadConfig {

    /**
     * Requests under /api served at once; one more gets 503 at once. Chosen by measurement on the complaint service
     * (2 cores): throughput stops rising well below this, so the rest would only queue for store connections.
     */
    @WithDefault("64")
    int maxConcurrentRequests();

    /** What a 503 tells the caller to wait before trying again (Retry-After, whole seconds). */
    @WithDefault("1S")
    Duration retryAfter();
}
