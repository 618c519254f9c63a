package io.careline.notification.channel;

import java.net.http.HttpClient;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.careline.notification.config.DeliveryConfig;

/** Picks a channel's provider from its settings, and makes the one HTTP client the HTTP providers share. */
@ApplicationScoped
public class Providers {

    static MessageProvider of(DeliveryConfig.Provider config, RecordingProvider recording, HttpClient http) {
        return switch (config.type()) {
            case "recording" -> recording;
            case "http" -> new HttpProvider(http, config.url().orElseThrow(
                    () -> new IllegalStateException("an http provider needs its url")), config.token(), config.timeout());
            default -> throw new IllegalStateException("unknown provider type " + config.type() + " (recording, http)");
        };
    }

    @Produces
    @Singleton
    HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
