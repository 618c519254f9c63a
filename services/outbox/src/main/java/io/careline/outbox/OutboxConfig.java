package io.careline.outbox;

import io.careline.outbox.core.RelayConfig;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The PostgreSQL relay's settings: those every store shares ({@link RelayConfig}), and its own. */
@ConfigMapping(prefix = "careline.outbox")
public interface OutboxConfig extends RelayConfig {

    /**
     * Where the relay's own connection goes, when not where the service's reactive pool goes: it holds a session-level
     * advisory lock and LISTENs, so behind a transaction-mode pooler (PgBouncer) it must reach the primary directly.
     */
    Optional<String> databaseUrl();

    /** How long published and discarded events are kept for inspection before they are deleted. */
    @WithDefault("7D")
    Duration retention();
}
