package io.careline.customer.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.customer.config.CustomerConfig;

/**
 * Checks the inbound-SMS gateway's signature: {@code X-Signature} is the hex HMAC-SHA256, under the shared secret, of
 * {@code X-Timestamp} (epoch seconds), a dot and the raw body. A timestamp outside the allowed skew is refused too,
 * so a captured request cannot be replayed later.
 */
@ApplicationScoped
public class SmsSignature {

    private final CustomerConfig config;
    private final Clock clock;

    public SmsSignature(CustomerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public static String sign(String secret, String timestamp, String body) {
        return Hmac.sha256Hex(secret, timestamp + "." + body);
    }

    /** Throws a 401 problem unless the request is signed with the secret and recent. */
    public void verify(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null || !timestamp.matches("^[0-9]{1,12}$")) {
            throw CustomerProblem.unauthorized("the request is not signed (X-Timestamp and X-Signature)");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (skew.compareTo(config.smsWebhook().maxSkew()) > 0) {
            throw CustomerProblem.unauthorized("the signed timestamp is too far from now");
        }
        if (!Hmac.same(sign(config.smsWebhook().secret(), timestamp, body), signature.strip().toLowerCase())) {
            throw CustomerProblem.unauthorized("the signature does not match");
        }
    }
}
