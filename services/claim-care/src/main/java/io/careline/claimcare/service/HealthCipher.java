package io.careline.claimcare.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import io.careline.claimcare.config.CareConfig;

/**
 * Field-level encryption of beneficiaries' health data: AES-256-GCM with a fresh 96-bit nonce per value, the
 * beneficiary's id as associated data (a value copied onto another person's row does not decrypt), and the key id
 * stored beside the value. New values use the current key; any configured key decrypts, so keys rotate without
 * downtime and {@link HealthKeyRotation} re-encrypts old values.
 */
@Singleton
public class HealthCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Sealed(String keyId, String value) {
    }

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentKeyId;

    public HealthCipher(CareConfig config) {
        config.healthKeys().keys().forEach((id, encoded) -> {
            byte[] key = Base64.getDecoder().decode(encoded.trim());
            if (key.length != 32) {
                throw new IllegalStateException("careline.care.health-keys.keys." + id + " must be 32 bytes (base64), is "
                        + key.length);
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        currentKeyId = config.healthKeys().current();
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalStateException("careline.care.health-keys.current names key " + currentKeyId
                    + ", which is not among careline.care.health-keys.keys");
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Sealed seal(UUID owner, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt health data", e);
        }
    }

    public String open(UUID owner, String keyId, String value) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("health data is sealed with key " + keyId + ", which is not configured");
        }
        byte[] all = Base64.getDecoder().decode(value);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("health data of " + owner + " does not decrypt", e);
        }
    }
}
