package io.careline.notification.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * A provider's HTTP API: a JSON POST {@code {to, title, body, reference}} with a bearer token; any 2xx is accepted.
 * {@code reference} is the delivery id, which providers use as their idempotency key, so a retried request after a
 * lost answer does not send twice. A provider with another body shape gets an adapter of its own.
 */
final class HttpProvider implements MessageProvider {

    private final HttpClient http;
    private final URI url;
    private final Optional<String> token;
    private final Duration timeout;

    HttpProvider(HttpClient http, URI url, Optional<String> token, Duration timeout) {
        this.http = http;
        this.url = url;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public Uni<Void> send(String channel, Outgoing message) {
        String body = new JsonObject(Map.of("to", message.address(), "title", message.title(), "body", message.body(),
                "reference", message.deliveryId(), "channel", channel)).encode();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                .map(response -> {
                    if (response.statusCode() / 100 != 2) {
                        // the status only: a provider's error body may quote the number or the text
                        throw new ProviderRefused(channel + " provider answered " + response.statusCode());
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    /** The provider did not take the message. */
    static final class ProviderRefused extends RuntimeException {
        ProviderRefused(String message) {
            super(message, null, false, false);
        }
    }
}
