package io.careline.gateway.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.overview.MobileOverview;
import io.careline.gateway.problem.Problems;
import io.careline.gateway.security.BearerTokenGuard;
import io.careline.gateway.security.RateLimiter;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * The gateway's routes on Quarkus' Vert.x router. For every {@code /api} request, in this order:
 * <ol>
 * <li>the request gets its X-Request-Id (before anything can fail, so every answer carries it);</li>
 * <li>Quarkus authenticates the bearer token (its handler, order -200);</li>
 * <li>{@link RateLimiter} turns away callers over their allowance (429), per partner client, per signed-in person
 * and, without a token, per address;</li>
 * <li>{@link BearerTokenGuard} turns away requests without a verified token;</li>
 * <li>a declared body over the size limit is refused before a byte of it is read (streamed ones are counted on
 * the way, {@link LimitedBody});</li>
 * <li>the owning upstream's proxy streams the request there and the response back; no owner is a 404 (except
 * {@link MobileOverview}, which the gateway answers itself).</li>
 * </ol>
 */
@Singleton
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final String API = RouteTable.API_ROOT + "*";
    /** Quarkus micrometer tags http_server_requests with this context local instead of the raw path. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    // Quarkus' own handlers run at fixed orders: authentication -200, HTTP permissions -100, its Content-Length
    // check -2 (empty 413). Ours fit around them; routes without an order come after all of these.
    private static final int BEFORE_AUTHENTICATION = -1_000;
    private static final int BEFORE_TOKEN_GUARD = -160;
    private static final int AFTER_AUTHENTICATION = -150;
    private static final int BEFORE_QUARKUS_BODY_LIMIT = -50;

    private final GatewayConfig config;
    private final Vertx vertx;
    private final BearerTokenGuard guard;
    private final RateLimiter rateLimiter;
    private final MobileOverview overview;
    private final long maxBodySize;
    private final RouteTable routes;
    private final List<HttpClient> clients = new ArrayList<>();
    private final Map<String, HttpProxy> proxies;

    GatewayRoutes(GatewayConfig config, Vertx vertx, BearerTokenGuard guard, RateLimiter rateLimiter,
            MobileOverview overview, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.config = config;
        this.vertx = vertx;
        this.guard = guard;
        this.rateLimiter = rateLimiter;
        this.overview = overview;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.routes = RouteTable.of(config.upstreams().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().paths())));
        Map<String, HttpProxy> proxies = new HashMap<>();
        config.upstreams().forEach((name, upstream) -> proxies.put(name, proxyTo(Origin.of(name, upstream.url()))));
        this.proxies = Map.copyOf(proxies);
    }

    void init(@Observes Router router) {
        router.route(API).order(BEFORE_AUTHENTICATION).handler(this::identify);
        router.route(API).order(BEFORE_TOKEN_GUARD).handler(rateLimiter::limit);
        router.route(API).order(AFTER_AUTHENTICATION).handler(guard::requireToken);
        router.route(API).order(BEFORE_QUARKUS_BODY_LIMIT).handler(this::checkDeclaredBodySize);
        // the gateway's own answer, gathered from several services; registered before the catch-all that forwards
        router.get(MobileOverview.PATH).handler(overview::answer);
        router.route(API).handler(this::forward);
        router.route(API).failureHandler(guard::rejectInvalidToken);
        router.route(API).failureHandler(this::answerUnexpectedFailure);

        routes.routes().forEach(route -> LOG.infof("%s/** -> %s (%s)", route.prefix(), route.upstream(),
                config.upstreams().get(route.upstream()).url()));
    }

    @PreDestroy
    void closeClients() {
        clients.forEach(HttpClient::close);
    }

    /** One HTTP client (its own connection pool) and one proxy per upstream. */
    private HttpProxy proxyTo(Origin origin) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setSsl(origin.ssl())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds())));
        clients.add(client);
        return UpstreamProxy.create(vertx, client, origin, config.timeout(), maxBodySize);
    }

    private void identify(RoutingContext ctx) {
        String requestId = RequestIds.ensure(ctx.request());
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(Problems.REQUEST_ID, requestId));
        // one metrics series per route, not one per complaint id
        String template = routes.match(ctx.normalizedPath()).map(route -> route.prefix() + "/*").orElse(API);
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(METRICS_URI_TEMPLATE, template);
        ctx.next();
    }

    /** Refuses a body whose Content-Length is over the limit before reading it; answers 100-continue otherwise. */
    private void checkDeclaredBodySize(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared)) {
            if (LimitedBody.closesConnection(request)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
            Problems.send(request, 413, "The request body is larger than the " + maxBodySize + " bytes this API accepts.");
            LimitedBody.drainThenClose(vertx, request);
            return;
        }
        // a caller that waits for 100 Continue before sending its body would otherwise wait for nothing
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        ctx.next();
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // Vert.x has already refused a malformed Content-Length
        }
    }

    private void forward(RoutingContext ctx) {
        // routed on the normalized path (dot segments resolved), which is what the upstream will make of the raw
        // path it receives; the raw path and query go on unchanged
        Optional<RouteTable.Route> route = routes.match(ctx.normalizedPath());
        if (route.isPresent()) {
            proxies.get(route.get().upstream()).handle(ctx.request());
        } else {
            Problems.send(ctx.request(), 404, "No Careline API is served at this path.");
        }
    }

    /** The last failure handler: whatever reaches it becomes a bare problem, the details go to the log. */
    private void answerUnexpectedFailure(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500;
        if (status == 500) {
            LOG.errorf(ctx.failure(), "failed on %s %s [request %s]", ctx.request().method(), ctx.normalizedPath(),
                    ctx.request().getHeader(Problems.REQUEST_ID));
            Problems.send(ctx.request(), 500, "The gateway could not handle this request.");
        } else {
            Problems.send(ctx.request(), status, "The request could not be handled as sent.");
        }
    }
}
