package io.careline.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.careline.gateway.problem.Problems;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The vertx-http-proxy for one upstream, and what the gateway adds to it: the timeout, its own X-Forwarded-* headers,
 * the body size limit on streamed bodies, and a problem response instead of the proxy's empty 502 when the upstream
 * cannot be reached or does not answer in time. Everything else (method, path, query, headers including
 * Authorization, body) is forwarded as it came, and the upstream's response comes back as it left (a 503 with its
 * Retry-After included; FrontDoor adds the security headers). A GET or HEAD that finds its pooled connection closing is sent once more.
 */
final class UpstreamProxy implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String UPSTREAM_REQUEST = "careline.upstream-request";
    private static final String BODY_TOO_LARGE = "careline.body-too-large";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final Vertx vertx;
    private final Origin origin;
    private final long timeoutMillis;
    private final long maxBodySize;

    private UpstreamProxy(Vertx vertx, Origin origin, Duration timeout, long maxBodySize) {
        this.vertx = vertx;
        this.origin = origin;
        this.timeoutMillis = timeout.toMillis();
        this.maxBodySize = maxBodySize;
    }

    static HttpProxy create(Vertx vertx, HttpClient client, Origin origin, Duration timeout, long maxBodySize) {
        UpstreamProxy upstream = new UpstreamProxy(vertx, origin, timeout, maxBodySize);
        // no WebSocket tunnelling: no Careline API uses it, and it would bypass the interceptor
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(upstream)
                .addInterceptor(upstream);
    }

    /** Like {@code origin(port, host)}, plus the timeout: an upstream silent that long fails the request (504). */
    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return context.client().request(new RequestOptions()
                .setHost(origin.host())
                .setPort(origin.port())
                .setIdleTimeout(timeoutMillis))
                .onSuccess(request -> {
                    context.set(UPSTREAM_REQUEST, request);
                    // failures reach answerFailure through the response; without a handler Vert.x also logs them as errors
                    request.exceptionHandler(failure -> LOG.debugf("%s: %s", origin.name(), failure));
                });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        replaceForwardedHeaders(request.headers(), request.proxiedRequest());
        // the gateway has answered the caller's 100-continue itself (GatewayRoutes)
        request.headers().remove(HttpHeaders.EXPECT);
        // the caller's trace context continues in the gateway's own span, which the traced HTTP client sends on:
        // forwarded as well, the service would get two traceparent headers
        request.headers().remove(TRACEPARENT).remove(TRACESTATE);
        LimitedBody limitedBody = null;
        if (request.getBody() != null) {
            Body body = request.getBody();
            limitedBody = new LimitedBody(body.stream(), maxBodySize, () -> chunkIfUnframed(context));
            request.setBody(Body.body(limitedBody, body.length()));
        }
        LimitedBody sentBody = limitedBody;
        return context.sendRequest()
                .recover(failure -> retriesSafely(context, failure) ? sendAgain(context, failure) : Future.failedFuture(failure))
                .recover(failure -> Future.succeededFuture(answerFailure(context, failure, sentBody)));
    }

    /**
     * A GET or HEAD whose upstream connection closed before any answer: the pooled connection was being closed as it
     * was picked. Such a request has no body to replay and no effect to repeat, so it goes once more on a fresh
     * connection. Other methods are not repeated: the service may have acted on them (clients retry those with an
     * Idempotency-Key); the keep-alive timeout below the services' idle timeout keeps the race away.
     */
    private static boolean retriesSafely(ProxyContext context, Throwable failure) {
        HttpMethod method = context.request().getMethod();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD) && failure instanceof HttpClosedException
                && !context.request().proxiedRequest().response().closed();
    }

    private Future<ProxyResponse> sendAgain(ProxyContext context, Throwable failure) {
        LOG.debugf("%s closed the connection of %s %s before answering (%s): sending it again", origin.name(),
                context.request().getMethod(), context.request().proxiedRequest().path(), failure);
        context.request().setBody(null); // a GET's (empty) body has been read: the retry sends none
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (Boolean.TRUE.equals(context.get(BODY_TOO_LARGE, Boolean.class))) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            sent.onComplete(done -> LimitedBody.drainThenClose(vertx, incoming));
        }
        return sent;
    }

    /**
     * An HTTP/2 caller may send a body without Content-Length (its frames delimit it). vertx-http-proxy 4.5 then
     * neither sets a length nor chunks the HTTP/1.1 request to the upstream, and the first byte fails
     * (fixed upstream in eclipse-vertx/vertx-http-proxy#147). Chunking it here, before that byte, keeps the body.
     */
    private static void chunkIfUnframed(ProxyContext context) {
        HttpClientRequest upstream = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
        if (upstream != null && !upstream.isChunked() && !upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            upstream.setChunked(true);
        }
    }

    private ProxyResponse answerFailure(ProxyContext context, Throwable failure, LimitedBody body) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String requestId = incoming.getHeader(Problems.REQUEST_ID);
        if (body != null && body.exceeded()) {
            context.set(BODY_TOO_LARGE, Boolean.TRUE);
            ProxyResponse response = Problems.proxyResponse(request, 413,
                    "The request body is larger than the " + maxBodySize + " bytes this API accepts.", null);
            return LimitedBody.closesConnection(incoming) ? response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE) : response;
        }
        boolean timedOut = failure instanceof TimeoutException;
        if (incoming.response().closed()) {
            // the caller hung up first: nobody reads the answer below, and the upstream is not to blame
            LOG.debugf("caller left %s %s before %s answered [request %s]", incoming.method(), incoming.path(),
                    origin.name(), requestId);
        } else if (timedOut) {
            LOG.warnf("%s (%s:%d) did not answer %s %s within %d ms [request %s]", origin.name(), origin.host(),
                    origin.port(), incoming.method(), incoming.path(), timeoutMillis, requestId);
        } else {
            LOG.warnf("%s (%s:%d) failed on %s %s: %s [request %s]", origin.name(), origin.host(), origin.port(),
                    incoming.method(), incoming.path(), failure.toString(), requestId);
        }
        return timedOut
                ? Problems.proxyResponse(request, 504,
                        "The " + origin.name() + " service did not answer in time. Please try again later.", origin.name())
                : Problems.proxyResponse(request, 502,
                        "The " + origin.name() + " service is not reachable right now. Please try again later.", origin.name());
    }

    /**
     * Who asked, over what, and under which name, as the gateway saw it: whatever the caller claimed in Forwarded,
     * X-Forwarded-* or X-Real-IP is dropped first, so no caller can pose as another address or make a service build
     * its links to another host (the services trust these headers from the gateway only). Scheme and host are the
     * ones this gateway was called with, the Host already checked against the allow-list (FrontDoor); behind a
     * trusted ingress Quarkus resolves all three from the ingress's own headers when quarkus.http.proxy.* says so.
     */
    private static void replaceForwardedHeaders(MultiMap headers, HttpServerRequest incoming) {
        List<String> claimed = headers.names().stream().filter(UpstreamProxy::isForwardingHeader).toList();
        claimed.forEach(headers::remove);
        SocketAddress client = incoming.remoteAddress();
        if (client != null && client.hostAddress() != null) {
            headers.set("X-Forwarded-For", client.hostAddress());
        }
        headers.set("X-Forwarded-Proto", incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.port() > 0 ? authority.host() + ":" + authority.port() : authority.host());
        }
    }

    private static boolean isForwardingHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("forwarded") || lower.startsWith("x-forwarded-") || lower.equals("x-real-ip");
    }
}
