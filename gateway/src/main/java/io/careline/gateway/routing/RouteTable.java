package io.careline.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which upstream owns a path: the longest configured prefix that is the path itself or a whole-segment parent of it.
 * Built once at startup; refuses configurations that would leave a route unauthenticated or ambiguous.
 */
public final class RouteTable {

    /** Everything the gateway routes lives under this prefix, which is also the part that requires a token. */
    public static final String API_ROOT = "/api/";

    public record Route(String prefix, String upstream) {

        boolean matches(String path) {
            return path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    public static RouteTable of(Map<String, List<String>> prefixesByUpstream) {
        Map<String, String> owners = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        prefixesByUpstream.forEach((upstream, prefixes) -> {
            if (prefixes.isEmpty()) {
                throw new IllegalArgumentException("upstream '" + upstream + "' has no paths");
            }
            for (String prefix : prefixes) {
                // only /api/ requires a token: a route outside it would be an open door
                if (!prefix.startsWith(API_ROOT) || prefix.length() == API_ROOT.length() || prefix.endsWith("/")
                        || prefix.contains("//") || prefix.contains("/./") || prefix.contains("/../")
                        || prefix.contains("?") || prefix.contains("*")) {
                    throw new IllegalArgumentException("upstream '" + upstream + "': path '" + prefix
                            + "' must be a plain path under " + API_ROOT + " without a trailing slash");
                }
                String previous = owners.putIfAbsent(prefix, upstream);
                if (previous != null) {
                    throw new IllegalArgumentException("path '" + prefix + "' is claimed by both '" + previous
                            + "' and '" + upstream + "'");
                }
                routes.add(new Route(prefix, upstream));
            }
        });
        // longest first, so /api/v1/me/complaints wins over a hypothetical /api/v1/me
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new RouteTable(List.copyOf(routes));
    }

    /** The route for a normalized request path (no query string), if any upstream owns it. */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
