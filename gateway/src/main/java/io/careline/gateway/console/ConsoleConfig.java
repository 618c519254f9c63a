package io.careline.gateway.console;

import java.net.URI;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the admin console needs to know at run time; served to it as /admin/config.json. */
@ConfigMapping(prefix = "careline.console")
public interface ConsoleConfig {

    /**
     * The realm staff sign in with, as the staff member's browser reaches it (its issuer URL), e.g.
     * {@code https://id.careline.example/realms/careline}. Its origin is the only one besides the gateway's that the
     * console's pages may connect to.
     */
    URI authority();

    /** The public client the console signs in as (authorization code flow with PKCE). */
    @WithDefault("careline-admin")
    String clientId();

    /** The services with an outbox, whose parked events the admin screens list (each serves /api/v1/ops/{name}). */
    List<String> outboxServices();
}
