package io.careline.complaint.sla;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ledger's hash recipe (README "SLA clock"): lowercase hex SHA-256 of the UTF-8 bytes of prev_hash + payload. */
public final class LedgerHash {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private LedgerHash() {
    }

    public static String of(String prevHash, String payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((prevHash + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
