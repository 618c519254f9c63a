package io.careline.outbox.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a request may wait for a PostgreSQL connection: past either bound it is a 503, not a longer queue. */
@ConfigMapping(prefix = "careline.store.pool")
public interface StorePoolConfig {

    /** Requests waiting for a connection of the reactive pool; one more fails at once. */
    @WithDefault("100")
    int maxWaitQueueSize();

    /** The longest wait for a connection of the reactive pool. */
    @WithDefault("2S")
    Duration acquireTimeout();
}
