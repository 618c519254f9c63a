package io.careline.service.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OAuth clients of the careline realm, and so which roles a token from each may carry ({@link ClientBoundRoles}). */
@ConfigMapping(prefix = "careline.security")
public interface SecurityConfig {

    /** The customers' mobile app (public client, PKCE): its tokens carry the customer role only. */
    @WithDefault("careline-mobile")
    String mobileClient();

    /** The admin console (public client, PKCE): its tokens carry staff roles only. */
    @WithDefault("careline-admin")
    String consoleClient();

    /** Partner systems' clients (client credentials) are named with this prefix; their tokens carry partner only. */
    @WithDefault("careline-partner-")
    String partnerClientPrefix();
}
