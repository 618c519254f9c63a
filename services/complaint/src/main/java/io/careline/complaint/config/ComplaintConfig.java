package io.careline.complaint.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.complaint")
public interface ComplaintConfig {

    /** How long after receipt the first reply is due ("first reply within 48 hours"). */
    @WithDefault("48H")
    Duration firstReplyTarget();
}
