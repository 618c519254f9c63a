package io.careline.service.http;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.service.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the API requests a service works on at once ({@link OverloadConfig#maxConcurrentRequests()}); one more
 * is answered 503 with Retry-After before any work, authentication included. Health, metrics and OpenAPI under
 * /q are never limited, so probes still answer under overload.
 */
@Singleton
public class ConcurrencyLimit {

    private static final Logger LOG = Logger.getLogger(ConcurrencyLimit.class);
    /** Before Quarkus' authentication (-200) and RESTEasy: shedding must cost nothing. */
    private static final int FIRST = -1_000;

    private final OverloadConfig config;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ConcurrencyLimit(OverloadConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(FIRST).handler(this::admit);
    }

    /** Requests admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void admit(RoutingContext ctx) {
        if (inFlight.incrementAndGet() > config.maxConcurrentRequests()) {
            inFlight.decrementAndGet();
            shed(ctx);
            return;
        }
        // runs once the response is sent or the connection is gone
        ctx.addEndHandler(ended -> inFlight.decrementAndGet());
        ctx.next();
    }

    private void shed(RoutingContext ctx) {
        Problem problem = new Problem("about:blank", "Service Unavailable", 503,
                "too many requests in progress; try again shortly", ctx.request().path(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.debugf("shed %s %s: %d requests in progress", ctx.request().method(), ctx.request().path(), inFlight.get());
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RetryAfter.seconds(config)))
                .end(body);
    }
}
