package io.careline.gateway.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's side of the admin console, which Quinoa serves from {@code /admin/} without a token (the console
 * signs staff in itself; everything it calls is under {@code /api}, which needs one): its run-time configuration,
 * and the security headers on every page and asset.
 */
@Singleton
public class ConsoleRoutes {

    static final String ROOT = "/admin/";
    /** Vite names every asset after its content hash: those may be cached for good, the rest must be revalidated. */
    private static final String ASSETS = ROOT + "assets/";
    // before Quinoa's own handlers (order 1100 and up), after Quarkus' authentication (-200)
    private static final int BEFORE_QUINOA = 1_000;

    private final String configJson;
    private final String contentSecurityPolicy;

    ConsoleRoutes(ConsoleConfig config) {
        this.configJson = new JsonObject()
                .put("authority", config.authority().toString())
                .put("clientId", config.clientId())
                .put("outboxServices", config.outboxServices())
                .encode();
        // scripts and styles only from the gateway; fetches to the gateway and to Keycloak (discovery, tokens)
        this.contentSecurityPolicy = String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + origin(config),
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'");
    }

    void init(@Observes Router router) {
        router.route(ROOT + "*").order(BEFORE_QUINOA - 1).handler(this::secure);
        // a regex, because Vert.x lets a plain "/admin" route match "/admin/" too (and would redirect it to itself)
        router.getWithRegex("/admin").order(BEFORE_QUINOA).handler(ctx -> ctx.redirect(ROOT));
        router.get(ROOT + "config.json").order(BEFORE_QUINOA).handler(this::config);
    }

    private void secure(RoutingContext ctx) {
        ctx.response().headers()
                .set("Content-Security-Policy", contentSecurityPolicy)
                .set("X-Content-Type-Options", "nosniff")
                // the sign-in callback's URL carries the authorization code: never hand it on in a Referer
                .set("Referrer-Policy", "no-referrer");
        if (!ctx.normalizedPath().startsWith(ASSETS)) {
            // Quinoa marks index.html immutable for a day: a new release would not reach browsers until then
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
        }
        ctx.next();
    }

    private void config(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(configJson);
    }

    private static String origin(ConsoleConfig config) {
        var uri = config.authority();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
