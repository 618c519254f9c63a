package io.careline.gateway.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.problem.Problems;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets an {@code /api} request through only with a bearer token quarkus-oidc has verified (signature, issuer,
 * expiry, audience). The token itself is not touched: it travels on to the service, which checks it again.
 *
 * <p>Quarkus authenticates every request proactively, before any route runs, and fails the request when a token
 * is present but bad; {@link #rejectInvalidToken} answers that. A request with no token at all is not a failure to
 * Quarkus (it is anonymous); {@link #requireToken} answers that one. Both answer 401 with a problem body; left to
 * Quarkus, they would be 401s with an empty body.
 */
@ApplicationScoped
public class BearerTokenGuard {

    private static final Logger LOG = Logger.getLogger(BearerTokenGuard.class);

    private final List<String> publicPaths;

    BearerTokenGuard(GatewayConfig config) {
        this.publicPaths = config.publicPaths();
    }

    /** Route handler, after authentication: anonymous requests stop here, except on the public (webhook) paths. */
    public void requireToken(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous() || isPublic(ctx)) {
            ctx.next();
        } else {
            challenge(ctx, "This API needs an access token: send 'Authorization: Bearer <token>'.");
        }
    }

    /** Failure handler: answers the failures authentication raises, passes any other on. */
    public void rejectInvalidToken(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            // why exactly (expired, wrong audience, bad signature) is for the logs, not for the caller
            LOG.debugf("rejected token on %s %s: %s", ctx.request().method(), ctx.normalizedPath(), failure.getMessage());
            challenge(ctx, "The access token is invalid, expired or not issued for this API.");
        } else {
            ctx.next();
        }
    }

    private boolean isPublic(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return publicPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private static void challenge(RoutingContext ctx, String detail) {
        // RFC 6750: every 401 names the scheme; the OIDC mechanism has usually set it already
        if (!ctx.response().headers().contains(HttpHeaderNames.WWW_AUTHENTICATE)) {
            ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        Problems.send(ctx.request(), 401, detail);
    }
}
