package io.careline.gateway.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Stands in for one Careline service: a real HTTP server on a free port that records every request it receives in
 * full and answers what the test told it to. Only the backend is fake; the gateway in front of it is the real one.
 */
public final class FakeUpstream {

    /** A request as the service received it. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        /** The single value of a header (names are case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            if (values == null) {
                return null;
            }
            if (values.size() != 1) {
                throw new AssertionError(name + " was sent " + values.size() + " times: " + values);
            }
            return values.get(0);
        }
    }

    @FunctionalInterface
    private interface Answer {
        void answer(HttpServerRequest request, HttpServerResponse response);
    }

    private final Vertx vertx;
    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private HttpServer server;
    private int port;

    FakeUpstream(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        reset();
    }

    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Back to a fresh service that answers 200 with a small JSON naming itself; forgets what it received. */
    public void reset() {
        received.clear();
        answer = (request, response) -> response.setStatusCode(200)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Served-By", name)
                .end("{\"service\":\"" + name + "\"}");
        if (server == null) {
            start();
        }
    }

    /** Answers every request with this status, these headers and this body. */
    public void answer(int status, Map<String, String> headers, String body) {
        answer = (request, response) -> {
            response.setStatusCode(status);
            headers.forEach(response::putHeader);
            response.end(body);
        };
    }

    /** Answers (200) only after this long, if the caller is still there. */
    public void answerAfter(Duration delay) {
        Answer normal = answer;
        answer = (request, response) -> vertx.setTimer(delay.toMillis(), t -> {
            if (!response.closed() && !response.ended()) {
                normal.answer(request, response);
            }
        });
    }

    /**
     * Closes the connection of the next request without answering, as a service closing an idle keep-alive
     * connection just as the request arrives; answers as before after that.
     */
    public void hangUpOnce() {
        Answer normal = answer;
        AtomicBoolean hungUp = new AtomicBoolean();
        answer = (request, response) -> {
            if (hungUp.compareAndSet(false, true)) {
                request.connection().close();
            } else {
                normal.answer(request, response);
            }
        };
    }

    /** Sends the head and {@code first} at once, {@code rest} (and the end) only when {@code release} completes. */
    public void answerInTwoParts(String first, String rest, CompletableFuture<Void> release) {
        answer = (request, response) -> {
            response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
            response.write(first);
            release.thenRun(() -> vertx.runOnContext(v -> response.end(rest)));
        };
    }

    /** The service goes away: its port refuses connections until {@link #reset()}. */
    public void stop() {
        if (server != null) {
            await(server.close().toCompletionStage().toCompletableFuture());
            server = null;
        }
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The one request received; fails if there was none or more than one. */
    public Received onlyRequest() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError(name + " received " + all.size() + " requests, expected 1: " + all);
        }
        return all.get(0);
    }

    private void start() {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.method().name(), request.uri(), copy(request), body.toString()));
            answer.answer(request, request.response());
        }));
        // the first start takes any free port; a restart takes the same one, as a restarted service would
        server = await(server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture());
        port = server.actualPort();
    }

    private static Map<String, List<String>> copy(HttpServerRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(), k -> new ArrayList<>()).add(h.getValue()));
        return headers;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + port;
    }
}
