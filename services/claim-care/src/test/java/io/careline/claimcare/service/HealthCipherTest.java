package io.careline.claimcare.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Field-level encryption of health data, and rotation between keys. */
class HealthCipherTest {

    private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final UUID owner = UUID.randomUUID();

    private static HealthCipher cipher(String current, Map<String, String> keys) {
        return new HealthCipher(new StubCareConfig(Set.of(), 18, current, keys));
    }

    @Test
    void aValueOpensToWhatWasSealedAndNamesItsKey() {
        HealthCipher cipher = cipher("k1", Map.of("k1", OLD));
        HealthCipher.Sealed sealed = cipher.seal(owner, "{\"notes\":\"COPD\"}");

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(Base64.getDecoder().decode(sealed.value()))).doesNotContain("COPD");
        assertThat(cipher.open(owner, sealed.keyId(), sealed.value())).isEqualTo("{\"notes\":\"COPD\"}");
        // a fresh nonce each time: equal values do not look equal
        assertThat(cipher.seal(owner, "{\"notes\":\"COPD\"}").value()).isNotEqualTo(sealed.value());
    }

    @Test
    void aValueMovedToAnotherPersonOrAlteredDoesNotOpen() {
        HealthCipher cipher = cipher("k1", Map.of("k1", OLD));
        HealthCipher.Sealed sealed = cipher.seal(owner, "diabetes");

        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), "k1", sealed.value())).isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed.value());
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(owner, "k1", Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        HealthCipher.Sealed old = cipher("k1", Map.of("k1", OLD)).seal(owner, "disability");
        HealthCipher rotated = cipher("k2", Map.of("k1", OLD, "k2", NEW));

        assertThat(rotated.open(owner, old.keyId(), old.value())).isEqualTo("disability");
        assertThat(rotated.seal(owner, "disability").keyId()).isEqualTo("k2");
        // once the old key is gone, its values no longer open: re-encrypt before removing it
        assertThatThrownBy(() -> cipher("k2", Map.of("k2", NEW)).open(owner, old.keyId(), old.value()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k1");
    }

    @Test
    void aMisconfiguredKeyStopsTheServiceAtStart() {
        assertThatThrownBy(() -> cipher("k9", Map.of("k1", OLD))).hasMessageContaining("k9");
        assertThatThrownBy(() -> cipher("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }
}
