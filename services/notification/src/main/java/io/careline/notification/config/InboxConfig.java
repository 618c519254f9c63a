package io.careline.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inbox summary's repair sweep. */
@ConfigMapping(prefix = "careline.notification.inbox")
public interface InboxConfig {

    /** How often the sweep looks for changes a crash left between a message and its summary. */
    @WithDefault("1M")
    Duration sweepEvery();

    /** How long a change may be pending before the sweep takes it for abandoned (normally milliseconds). */
    @WithDefault("30S")
    Duration sweepGrace();

    /** The most messages one round settles. */
    @WithDefault("500")
    int sweepBatch();
}
