package io.careline.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.bson.types.ObjectId;

import io.careline.notification.repository.InboxMessage;

/**
 * Where a page of the inbox ends: the last message's ({@code createdAt}, {@code id}), the keyset the next page starts
 * below. Opaque to clients (base64url), so its shape may change without changing the API.
 */
public record InboxCursor(Instant createdAt, ObjectId id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static InboxCursor after(InboxMessage message) {
        return new InboxCursor(message.createdAt, message.id);
    }

    public String encode() {
        return ENCODER.encodeToString((createdAt.toEpochMilli() + "." + id.toHexString()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent, or empty if it is not one this service made. */
    public static Optional<InboxCursor> decode(String value) {
        if (value == null || value.length() > 64) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(DECODER.decode(value), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 2 || !parts[0].matches("\\d{1,15}") || !ObjectId.isValid(parts[1])) {
                return Optional.empty();
            }
            return Optional.of(new InboxCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), new ObjectId(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
