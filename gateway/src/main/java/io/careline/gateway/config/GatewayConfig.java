package io.careline.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the gateway sends each request. Every key can be overridden by an environment variable, e.g.
 * {@code CARELINE_GATEWAY_UPSTREAMS_COMPLAINT_URL=http://complaint:8080} on Kubernetes.
 */
@ConfigMapping(prefix = "careline.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name; the name is what error responses and logs show. */
    Map<String, Upstream> upstreams();

    /** How long an upstream may stay silent (before its first byte, or between two) before the caller gets a 504. */
    @WithDefault("30s")
    Duration timeout();

    /** How long opening a connection to an upstream may take. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long a pooled upstream connection may sit idle before the gateway closes it. Keep it below the services'
     * {@code quarkus.http.idle-timeout} (60s): then the gateway always closes an idle connection first and never
     * sends a request on one the service is closing at that moment.
     */
    @WithDefault("30s")
    Duration keepAliveTimeout();

    /** Open connections kept per upstream; requests beyond that wait for a free one. */
    @WithDefault("64")
    int maxConnections();

    /**
     * The names callers may address the gateway by, {@code host:port} or {@code host} (any port); a request with any
     * other Host is refused (421) before it is authenticated or forwarded, so no service builds a link to a name the
     * caller made up. Defaults: the local instance, the end-to-end one and the console's Vite dev server. On
     * Kubernetes set the public name(s), e.g. {@code CARELINE_GATEWAY_ALLOWED_HOSTS=api.careline.io}.
     */
    @WithDefault("127.0.0.1:8080,localhost:8080,127.0.0.1:28080,localhost:28080,127.0.0.1:5173,localhost:5173")
    List<String> allowedHosts();

    /**
     * Path prefixes under {@code /api} that pass without a token: webhooks from providers, which the owning service
     * authenticates itself (a signature over the body). They are still counted per address by the rate limit.
     */
    @WithDefault("/api/v1/webhooks")
    List<String> publicPaths();

    /** How long browsers keep to HTTPS for the gateway's name once told (Strict-Transport-Security max-age). */
    @WithDefault("365d")
    Duration hstsMaxAge();

    /** How many requests each caller may make, counted in Redis so that every gateway replica shares one count. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Off, every request passes uncounted. */
        @WithDefault("true")
        boolean enabled();

        /** Prefix of the Redis keys, one key per caller; tests use one of their own. */
        @WithDefault("careline:rate:")
        String keyPrefix();

        /**
         * How long a request waits for Redis's answer. Past it, or when Redis is away, the request passes uncounted
         * (and careline.gateway.rate.limit{outcome=unavailable} counts it): a lost limit is better than a lost API.
         */
        @WithDefault("150ms")
        Duration redisTimeout();

        /** Customers signed in to the mobile app, counted per customer. */
        @WithDefault("120/30")
        Quota customer();

        /** Staff in the admin console, counted per person; the console loads several lists at once. */
        @WithDefault("600/120")
        Quota staff();

        /** Partner systems, counted per client (all its tokens share one count); they send batches. */
        @WithDefault("1200/300")
        Quota partner();

        /** Calls without a valid token (refused anyway, or a signed webhook), counted per client address. */
        @WithDefault("60/20")
        Quota anonymous();

        /**
         * Quotas for particular OAuth clients (the token's {@code azp}), in place of their class's, e.g.
         * {@code careline.gateway.rate-limit.clients."careline-partner-acme"=6000/1000}.
         */
        Map<String, Quota> clients();
    }

    /** {@code GET /api/v1/me/overview}: the mobile app's home screen, gathered from the services in one call. */
    Overview overview();

    interface Overview {

        /**
         * The parts, by the name they have in the answer: which service, which path (with its query). Each is fetched
         * with the caller's own token, so each service applies its own rules to it.
         */
        Map<String, Part> parts();

        /** The mobile app's OAuth client: only its customers' tokens get an overview (any other caller a 403). */
        @WithDefault("careline-mobile")
        String client();

        /** How long one part may take; past it the overview comes back without it, marked partial. */
        @WithDefault("2s")
        Duration partTimeout();

        /** A part's circuit opens when this share of its last {@code circuit-window} calls failed ... */
        @WithDefault("0.5")
        double circuitFailureRatio();

        @WithDefault("10")
        int circuitWindow();

        /** ... and stays open this long: no calls to that service, the part is reported unavailable at once. */
        @WithDefault("15s")
        Duration circuitDelay();
    }

    interface Part {

        /** The name of an upstream above. */
        String upstream();

        /** Absolute path and query, e.g. {@code /api/v1/me/complaints?size=5}. */
        String path();
    }

    interface Upstream {

        /** Base address of the service: scheme, host and port only, e.g. {@code http://127.0.0.1:8082}. */
        URI url();

        /**
         * Path prefixes the service owns, each under {@code /api/}. A prefix matches itself and everything below it:
         * {@code /api/v1/complaints} matches {@code /api/v1/complaints/7}, not {@code /api/v1/complaintsXYZ}.
         */
        List<String> paths();

        /**
         * Where the service's OpenAPI document is, when not at {@code <url>/q/openapi} (a service whose management
         * endpoints are on a port of their own, e.g. {@code http://complaint:9000/q/openapi}); {@code /q/api-docs}.
         */
        Optional<URI> openapi();
    }
}
