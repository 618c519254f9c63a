package io.careline.gateway.overview;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.problem.Problems;
import io.careline.gateway.routing.Origin;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/me/overview}: the mobile app's home screen in one call. The parts (profile, complaints, claims,
 * inbox...) are fetched from their services in parallel with the caller's own token, so every service applies its
 * own rules, and only the caller's data comes back. A part that fails, is too slow, or whose service has been failing
 * (its circuit is open) is left out and named under {@code unavailable}; the rest still comes back, marked partial.
 */
@ApplicationScoped
public class MobileOverview {

    public static final String PATH = "/api/v1/me/overview";
    private static final Logger LOG = Logger.getLogger(MobileOverview.class);
    private static final TypeLiteral<CompletionStage<Object>> ASYNC = new TypeLiteral<>() {
    };

    /** A part that came back as something other than its data; {@code reason} is what the app may show. */
    static final class PartFailure extends RuntimeException {
        final String reason;

        PartFailure(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private record Part(String name, Origin origin, String path, Guard guard) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final HttpClient client;
    private final String mobileClient;

    MobileOverview(GatewayConfig config, Vertx vertx) {
        GatewayConfig.Overview overview = config.overview();
        this.mobileClient = overview.client();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds())));
        overview.parts().forEach((name, part) -> {
            GatewayConfig.Upstream upstream = config.upstreams().get(part.upstream());
            if (upstream == null) {
                throw new IllegalArgumentException("careline.gateway.overview.parts." + name + ".upstream names no upstream: "
                        + part.upstream());
            }
            // one guard per part: its own timeout, and a circuit that opens on its own service's failures only
            Guard guard = Guard.create()
                    .withDescription("overview part " + name)
                    .withTimeout().duration(overview.partTimeout().toMillis(), ChronoUnit.MILLIS).done()
                    .withCircuitBreaker().name("overview-" + name)
                    .requestVolumeThreshold(overview.circuitWindow())
                    .failureRatio(overview.circuitFailureRatio())
                    .delay(overview.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(ClientAnswer.class) // a 4xx is the service working: it says no to this caller
                    .done()
                    .build();
            parts.add(new Part(name, Origin.of(part.upstream(), upstream.url()), part.path(), guard));
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Route handler, after the token guard and the rate limit. */
    public void answer(RoutingContext ctx) {
        SecurityIdentity identity = ((QuarkusHttpUser) ctx.user()).getSecurityIdentity();
        // the customer role counts only in a token of the mobile app, as in every service (ClientBoundRoles there)
        if (!identity.hasRole("customer") || !mobileClient.equals(clientOf(identity))) {
            Problems.send(ctx.request(), 403, "The overview is the mobile app's home screen: it needs a customer's token.");
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String requestId = ctx.request().getHeader(Problems.REQUEST_ID);
        Context context = Vertx.currentContext();

        Map<String, CompletableFuture<Object>> pending = new LinkedHashMap<>();
        for (Part part : parts) {
            pending.put(part.name(), part.guard().get(() -> fetch(part, authorization, requestId), ASYNC)
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(pending.values().stream()
                .map(f -> f.handle((ok, failure) -> null)).toArray(CompletableFuture[]::new))
                .thenRun(() -> context.runOnContext(v -> respond(ctx, identity, pending)));
    }

    private CompletionStage<Object> fetch(Part part, String authorization, String requestId) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(part.origin().host()).setPort(part.origin().port()).setSsl(part.origin().ssl())
                .setURI(part.path())
                .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (requestId != null) {
            request.putHeader(Problems.REQUEST_ID, requestId);
        }
        return client.request(request)
                .compose(outgoing -> outgoing.send())
                .compose(response -> response.body().map(body -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return body.length() == 0 ? null : Json.decodeValue(body);
                    }
                    if (status >= 400 && status < 500) {
                        throw new ClientAnswer(status);
                    }
                    throw new PartFailure("the service answered " + status);
                }))
                .toCompletionStage();
    }

    private void respond(RoutingContext ctx, SecurityIdentity identity, Map<String, CompletableFuture<Object>> pending) {
        JsonObject overview = new JsonObject();
        JsonArray unavailable = new JsonArray();
        pending.forEach((name, result) -> {
            try {
                overview.put(name, result.join());
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                unavailable.add(new JsonObject().put("part", name).put("reason", reasonFor(cause)));
                overview.putNull(name);
                if (!(cause instanceof ClientAnswer)) {
                    LOG.debugf("overview part %s unavailable for %s: %s", name, subject(identity), cause.toString());
                }
            }
        });
        overview.put("partial", !unavailable.isEmpty()).put("unavailable", unavailable);
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(overview.toBuffer());
    }

    private static String reasonFor(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit-open";
        }
        if (failure instanceof ClientAnswer answer) {
            return "refused (" + answer.status + ")";
        }
        if (failure instanceof PartFailure part) {
            return part.reason;
        }
        return "unreachable";
    }

    private static String clientOf(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
    }

    private static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    /** A 4xx from a part's service: that service refused this caller; it is not failing. */
    static final class ClientAnswer extends RuntimeException {
        final int status;

        ClientAnswer(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }
}
