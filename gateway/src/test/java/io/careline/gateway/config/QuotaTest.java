package io.careline.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotaTest {

    @Test
    void readsRequestsAMinuteAndBurst() {
        Quota quota = Quota.of(" 120 / 30 ");
        assertThat(quota).isEqualTo(new Quota(120, 30));
        assertThat(quota.intervalMicros()).isEqualTo(500_000);
        assertThat(quota.toleranceMicros()).isEqualTo(15_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"120", "120/", "/30", "a/b", "0/5", "5/0", "1/2/3"})
    void refusesAnythingElseSayingWhatItExpects(String text) {
        assertThatThrownBy(() -> Quota.of(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
