package io.careline.gateway.security;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.config.Quota;
import io.careline.gateway.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * Counts each caller's requests in Redis and answers 429 with {@code Retry-After} past their allowance. Every
 * gateway replica shares the count. Runs after authentication, so the caller is who their verified token says:
 * a customer, a member of staff or a partner system, each with an allowance of its own.
 *
 * <p>The count is GCRA (the generic cell rate algorithm), one Redis key per caller holding the "theoretical arrival
 * time" of their next request: a steady rate with a burst on top, no window edges where twice the rate gets through,
 * and one small atomic script per request. Redis's own clock is used, so replicas with skewed clocks agree.
 *
 * <p>Redis away or slow (past {@code redis-timeout}) lets the request through uncounted: the limit protects the
 * services, it must not take the API down with it.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    // KEYS[1] the caller's key; ARGV[1] the emission interval (µs between requests at the steady rate);
    // ARGV[2] the burst tolerance (µs). Returns {allowed, retry-after µs, remaining}.
    static final String GCRA = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tolerance = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1])) or now
            if tat < now then tat = now end
            local next = tat + interval
            if next - tolerance > now then
              return {0, next - tolerance - now, 0}
            end
            redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000))
            return {1, 0, math.floor((tolerance - (next - now)) / interval)}
            """;

    private static final Set<String> STAFF_ROLES = Set.of("agent", "supervisor", "manager", "coordinator", "volunteer",
            "admin");

    /** Who is counted: the caller's class (for the metric and the message), their key, and their quota. */
    record Counted(String callerClass, String id, Quota quota) {
    }

    private final GatewayConfig.RateLimit config;
    private final RedisAPI redis;
    private final Vertx vertx;
    private final MeterRegistry metrics;

    RateLimiter(GatewayConfig config, RedisAPI redis, Vertx vertx, MeterRegistry metrics) {
        this.config = config.rateLimit();
        this.redis = redis;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /**
     * Route handler, after authentication and before the token guard: the request goes on, or gets a 429. A caller
     * without a verified token is counted by address, so a flood of anonymous calls is cut short too.
     */
    public void limit(RoutingContext ctx) {
        if (!config.enabled()) {
            ctx.next();
            return;
        }
        Counted caller = ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                ? counted(user.getSecurityIdentity())
                : new Counted("anonymous", ctx.request().remoteAddress().hostAddress(), config.anonymous());
        String key = config.keyPrefix() + caller.callerClass() + ":" + caller.id();

        // whichever comes first, Redis's answer or the timeout, decides; the other is ignored
        AtomicBoolean decided = new AtomicBoolean();
        long timer = vertx.setTimer(config.redisTimeout().toMillis(), t -> {
            if (decided.compareAndSet(false, true)) {
                passUncounted(ctx, "timed out");
            }
        });
        redis.eval(List.of(GCRA, "1", key, Long.toString(caller.quota().intervalMicros()),
                Long.toString(caller.quota().toleranceMicros())))
                .onComplete(result -> {
                    if (!decided.compareAndSet(false, true)) {
                        return;
                    }
                    vertx.cancelTimer(timer);
                    if (result.failed()) {
                        passUncounted(ctx, result.cause().getMessage());
                    } else {
                        decide(ctx, caller, result.result());
                    }
                });
    }

    private void decide(RoutingContext ctx, Counted caller, Response answer) {
        boolean allowed = answer.get(0).toInteger() == 1;
        long remaining = Math.max(0, answer.get(2).toLong());
        Quota quota = caller.quota();
        ctx.response().putHeader("RateLimit-Policy", quota.perMinute() + ";w=60;burst=" + quota.burst());
        if (allowed) {
            ctx.response().putHeader("RateLimit-Remaining", Long.toString(remaining));
            count(caller, "allowed");
            ctx.next();
            return;
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.MICROSECONDS.toSeconds(answer.get(1).toLong() + 999_999));
        count(caller, "refused");
        ctx.response().putHeader("RateLimit-Remaining", "0").putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.send(ctx.request(), 429, "Too many requests from this " + caller.callerClass() + ": at most "
                + quota.perMinute() + " a minute. Try again in " + retryAfterSeconds + " s.");
    }

    private void passUncounted(RoutingContext ctx, String why) {
        LOG.debugf("rate limit not checked (%s): request passes", why);
        metrics.counter("careline.gateway.rate.limit", "caller", "unknown", "outcome", "unavailable").increment();
        ctx.next();
    }

    private void count(Counted caller, String outcome) {
        metrics.counter("careline.gateway.rate.limit", "caller", caller.callerClass(), "outcome", outcome).increment();
    }

    /**
     * A partner is counted per client (all its tokens share one count), anyone else per subject; the quota is the
     * client's own if one is configured, else the caller class's.
     */
    private Counted counted(SecurityIdentity identity) {
        String client = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        Counted byClass;
        if (identity.hasRole("partner")) {
            byClass = new Counted("partner", client != null ? client : subject, config.partner());
        } else if (identity.getRoles().stream().anyMatch(STAFF_ROLES::contains)) {
            byClass = new Counted("staff", subject, config.staff());
        } else {
            byClass = new Counted("customer", subject, config.customer());
        }
        Quota own = client == null ? null : config.clients().get(client);
        return own == null ? byClass : new Counted(byClass.callerClass(), byClass.id(), own);
    }
}
