package io.careline.gateway.routing;

import java.net.URI;
import java.util.Locale;

/** An upstream's network address, taken apart from its configured URL. */
public record Origin(String name, String host, int port, boolean ssl) {

    public static Origin of(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("upstream '" + name + "': url '" + url + "' must start with http:// or https://");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("upstream '" + name + "': url '" + url + "' has no host");
        }
        // requests are forwarded with their own path; a base path on the upstream would silently be ignored
        boolean hasBasePath = url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/");
        if (hasBasePath || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("upstream '" + name + "': url '" + url + "' must be scheme, host and port only");
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        return new Origin(name, url.getHost(), port, ssl);
    }
}
