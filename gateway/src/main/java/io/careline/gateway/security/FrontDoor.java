package io.careline.gateway.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.problem.Problems;
import io.careline.gateway.routing.RouteTable;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request on the public port meets first and every response leaves with (the management endpoints are on
 * a port of their own, which probes call by the pod's address): a Host the gateway does not serve is refused (421)
 * before authentication or forwarding, and the browser security headers are set. API responses are
 * never stored (they are personal data, fetched with a bearer token) and may not be framed or run anything. The admin
 * console's pages keep the Content-Security-Policy it sets itself.
 */
@Singleton
public class FrontDoor {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class);
    /** After the X-Request-Id is set on /api requests (-1000), before Quarkus authenticates the token (-200). */
    private static final int ORDER = -999;
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** JSON only: nothing to load, run or frame. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final AllowedHosts allowedHosts;
    private final String strictTransportSecurity;

    FrontDoor(GatewayConfig config) {
        this.allowedHosts = AllowedHosts.of(config.allowedHosts());
        this.strictTransportSecurity = "max-age=" + config.hstsMaxAge().toSeconds();
    }

    void init(@Observes Router router) {
        router.route().order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean api = path.startsWith(RouteTable.API_ROOT);
        ctx.addHeadersEndHandler(v -> secure(ctx.response().headers(), api));
        HttpServerRequest request = ctx.request();
        HostAndPort authority = request.authority();
        if (authority == null) {
            Problems.send(request, 400, "The request names no Host.");
            return;
        }
        if (!allowedHosts.allows(authority, request.isSSL())) {
            LOG.debugf("refused %s %s for host %s", request.method(), path, authority);
            Problems.send(request, 421, "This server does not serve the host the request names.");
            return;
        }
        ctx.next();
    }

    private void secure(MultiMap headers, boolean api) {
        headers.set("Strict-Transport-Security", strictTransportSecurity)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer");
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, API_CONTENT_SECURITY_POLICY);
        }
        if (api) {
            // whatever a service says: a shared cache or the device's disk must not keep another person's data
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
