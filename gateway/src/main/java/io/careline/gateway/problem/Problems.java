package io.careline.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The one place that writes RFC 9457 {@code application/problem+json} bodies. Every error the gateway answers by
 * itself comes through here; errors from the services pass through untouched. A problem says what happened in
 * words meant for the caller: no exception, class name or upstream address ever goes into it.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The correlation id; read from the request, where the gateway has put it before anything else runs. */
    public static final String REQUEST_ID = "X-Request-Id";

    private Problems() {
    }

    /** Answers the request with a problem, or, if the status line has already gone out, cuts the response short. */
    public static void send(HttpServerRequest request, int status, String detail) {
        send(request, status, detail, null);
    }

    /** As {@link #send(HttpServerRequest, int, String)}, naming the upstream service the problem is about. */
    public static void send(HttpServerRequest request, int status, String detail, String upstream) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // half a response must not look like a whole one
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(body(request, status, detail, upstream));
    }

    /** The gateway's own answer in place of the upstream's, for failures met while proxying. */
    public static ProxyResponse proxyResponse(ProxyRequest request, int status, String detail, String upstream) {
        HttpServerRequest incoming = request.proxiedRequest();
        return request.release() // drops what is left of the request body
                .response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .setBody(Body.body(body(incoming, status, detail, upstream)));
    }

    private static Buffer body(HttpServerRequest request, int status, String detail, String upstream) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank") // the status says it all; title is then the status phrase (RFC 9457 4.2.1)
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.path());
        if (upstream != null) {
            problem.put("upstream", upstream);
        }
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }
}
