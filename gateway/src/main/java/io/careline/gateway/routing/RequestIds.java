package io.careline.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

import io.careline.gateway.problem.Problems;
import io.vertx.core.http.HttpServerRequest;

/** The correlation id every {@code /api} request carries through the gateway, the service and back. */
final class RequestIds {

    /** A caller's id is kept if it is a plain token; anything else (long, spaces, odd characters) is replaced. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@+=/-]{1,128}");

    private RequestIds() {
    }

    /**
     * The request's id: the caller's, or a new one. It is written into the request's own headers, so the proxy
     * forwards it, and problem bodies and the access log find it without being told.
     */
    static String ensure(HttpServerRequest request) {
        String id = request.getHeader(Problems.REQUEST_ID);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.headers().set(Problems.REQUEST_ID, id); // also leaves exactly one
        return id;
    }
}
