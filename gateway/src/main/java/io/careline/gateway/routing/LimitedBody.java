package io.careline.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to the upstream that fails once more than {@code limit} bytes have gone by. A body with
 * a Content-Length over the limit never gets this far; this catches the streamed ones, whose size nobody knows
 * in advance, without holding them in memory.
 */
final class LimitedBody implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    /** How long a caller may go on sending a refused body before the connection is cut. */
    private static final long DRAIN_GRACE_MILLIS = 5_000;

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable beforeFirstChunk;
    private boolean started;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long limit, Runnable beforeFirstChunk) {
        this.source = source;
        this.limit = limit;
        this.beforeFirstChunk = beforeFirstChunk;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return; // drained, not forwarded
            }
            if (!started) {
                started = true;
                beforeFirstChunk.run();
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }

    /**
     * After a 413 (sent with Connection: close): reads and drops what the caller is still sending, then closes.
     * Closing at once would leave unread bytes in the socket, and the kernel would answer them with a reset that
     * can destroy the 413 before the caller reads it. A caller that keeps sending is cut off after a grace period.
     */
    static void drainThenClose(Vertx vertx, HttpServerRequest request) {
        // HTTP/2: the connection carries other requests; this stream is over once the rest has been read
        boolean close = closesConnection(request);
        if (request.isEnded()) {
            if (close) {
                request.connection().close();
            }
            return;
        }
        long timer = close ? vertx.setTimer(DRAIN_GRACE_MILLIS, t -> request.connection().close()) : -1;
        request.handler(dropped -> {
        }).endHandler(done -> {
            if (close) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        });
        request.resume();
    }

    /** Whether refusing this request's body ends its connection: HTTP/1.x only, where the body blocks the wire. */
    static boolean closesConnection(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_1_1 || request.version() == HttpVersion.HTTP_1_0;
    }
}
