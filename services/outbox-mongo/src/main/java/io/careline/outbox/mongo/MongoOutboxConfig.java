package io.careline.outbox.mongo;

import java.time.Duration;
import java.util.List;

import io.careline.outbox.core.RelayConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The MongoDB relay's settings: those every store shares ({@link RelayConfig}), and its own. */
@ConfigMapping(prefix = "careline.outbox")
public interface MongoOutboxConfig extends RelayConfig {

    /**
     * The collections (in {@code quarkus.mongodb.database}) whose documents carry an outbox: the relay reads only these.
     * A service that writes events into another collection must list it here.
     */
    List<String> collections();

    /**
     * How long the relay's lease lasts without renewal: the longest another replica waits to take over from one that
     * died. It is renewed every third of it; the holder stops sending a quarter of it before it would expire.
     */
    @WithDefault("10S")
    Duration leaseTtl();
}
