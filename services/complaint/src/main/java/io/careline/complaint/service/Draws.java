package io.careline.complaint.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The monthly draw, as a pure function anyone can recompute: the eligible customer ids, distinct and sorted (by their
 * UTF-8 bytes, i.e. Java's String order for the ASCII ids Careline uses), are each given the ticket
 * HMAC-SHA256(key = seed as UTF-8, message = customer id as UTF-8) in lower-case hex; the winners are the {@code n}
 * lowest tickets, ties broken by customer id. The eligible list's digest is SHA-256 over the sorted ids, each followed
 * by a line feed.
 */
public final class Draws {

    private Draws() {
    }

    public record Ticket(String customerId, String ticket) {
    }

    public static List<String> eligible(List<String> customerIds) {
        return List.copyOf(new TreeSet<>(customerIds));
    }

    public static List<Ticket> winners(String seed, List<String> eligible, int n) {
        Mac mac = hmac(seed);
        return eligible(eligible).stream()
                .map(id -> new Ticket(id, HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)))))
                .sorted(Comparator.comparing(Ticket::ticket).thenComparing(Ticket::customerId))
                .limit(n)
                .toList();
    }

    public static String digest(List<String> eligible) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : eligible(eligible)) {
                sha.update((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Mac hmac(String seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
