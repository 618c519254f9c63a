package io.careline.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events (read by its @Scheduled expression). */
    @WithDefault("1S")
    Duration pollInterval();

    /** Events published per transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long to wait for the broker's acknowledgement of one event before trying again later. */
    @WithDefault("12S")
    Duration publishTimeout();

    /** How long published events are kept for inspection before they are deleted. */
    @WithDefault("7D")
    Duration retention();
}
