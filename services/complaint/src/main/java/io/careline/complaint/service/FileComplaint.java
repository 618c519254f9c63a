package io.careline.complaint.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.Channel;

/** A complaint to file: who files it and through which channel come from the caller's token, never the body. */
public record FileComplaint(String customerId, Channel channel, Category category, String subject, String description,
        String idempotencyKey) {

    /**
     * What the request asks for, as stored (stripped), hashed: the same Idempotency-Key must come with the same
     * fingerprint. Each part is length-prefixed so that no two different requests join into the same text.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        for (String part : new String[] { category.name(), subject.strip(), description.strip() }) {
            canonical.append(part.length()).append(':').append(part).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
