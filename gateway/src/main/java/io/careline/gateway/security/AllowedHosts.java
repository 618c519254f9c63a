package io.careline.gateway.security;

import java.util.List;
import java.util.Locale;

import io.vertx.core.net.HostAndPort;

/**
 * The names the gateway answers to ({@code careline.gateway.allowed-hosts}): {@code host:port}, or {@code host} for
 * any port. Names compare without case; a Host without a port means the scheme's default one.
 */
record AllowedHosts(List<String> names) {

    static AllowedHosts of(List<String> configured) {
        return new AllowedHosts(configured.stream().map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).toList());
    }

    boolean allows(HostAndPort authority, boolean ssl) {
        String host = authority.host().toLowerCase(Locale.ROOT);
        int port = authority.port() > 0 ? authority.port() : ssl ? 443 : 80;
        return names.contains(host) || names.contains(host + ":" + port);
    }
}
