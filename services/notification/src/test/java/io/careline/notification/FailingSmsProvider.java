package io.careline.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An SMS provider's HTTP API that is down: it answers every request 503 and remembers what it was sent. The service
 * is pointed at it with the http adapter ({@code careline.notification.delivery.sms.*}).
 */
public class FailingSmsProvider implements QuarkusTestResourceLifecycleManager {

    /** A request as the provider received it. */
    public record Received(String authorization, String idempotencyKey, String body) {
    }

    static final String TOKEN = "test-sms-secret";
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/sms", exchange -> {
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        return Map.of("careline.notification.delivery.sms.type", "http",
                "careline.notification.delivery.sms.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                "careline.notification.delivery.sms.token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
