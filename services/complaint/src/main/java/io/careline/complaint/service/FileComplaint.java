package io.careline.complaint.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.EnteredBy;
import io.careline.complaint.repository.Complaint.Priority;

/**
 * A complaint to file. Who files it, for which customer (but an agent's), through which channel and with which
 * partner come from the caller's token, never the body. {@code idempotencyKey} is already scoped to the caller.
 */
public record FileComplaint(String customerId, String channel, Category category, Priority priority, String subject,
        String description, List<Attachment> attachments, Money claimedOvercharge, EnteredBy enteredByKind,
        String enteredBy, String partnerId, String team, String idempotencyKey) {

    /** A customer's own complaint from the app or the web, as before attachments and priorities existed. */
    public static FileComplaint byCustomer(String customerId, String channel, Category category, String subject,
            String description, String idempotencyKey) {
        return new FileComplaint(customerId, channel, category, Priority.NORMAL, subject, description, List.of(), null,
                EnteredBy.CUSTOMER, null, null, null, idempotencyKey);
    }

    /**
     * What the request asks for, as stored (stripped), hashed: the same Idempotency-Key must come with the same
     * fingerprint. Each part is length-prefixed so that no two different requests join into the same text. The parts
     * added since V3 join only when they differ from what a request before them meant, so that earlier fingerprints
     * still match their retries.
     */
    public String fingerprint() {
        List<String> parts = new ArrayList<>(List.of(category.name(), subject.strip(), description.strip()));
        if (priority != Priority.NORMAL) {
            parts.add("priority=" + priority);
        }
        if (enteredByKind != EnteredBy.CUSTOMER) {
            parts.add("channel=" + channel);
        }
        for (Attachment attachment : attachments) {
            parts.add("attachment=" + attachment.uri() + "|" + attachment.name() + "|" + attachment.mediaType());
        }
        if (claimedOvercharge != null) {
            parts.add("overcharge=" + claimedOvercharge.amount().stripTrailingZeros().toPlainString() + " "
                    + claimedOvercharge.currency());
        }
        StringBuilder canonical = new StringBuilder();
        for (String part : parts) {
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
