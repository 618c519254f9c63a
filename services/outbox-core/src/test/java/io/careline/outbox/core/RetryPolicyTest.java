package io.careline.outbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void waitsDoubleWithJitterInTheirUpperHalfAndStopAtTheMaximum() {
        assertThat(policy.delayMillis(1, 0.0)).isEqualTo(500);
        assertThat(policy.delayMillis(1, 0.999)).isBetween(500L, 1000L);
        assertThat(policy.delayMillis(2, 0.0)).isEqualTo(1000);
        assertThat(policy.delayMillis(3, 0.0)).isEqualTo(2000);
        assertThat(policy.delayMillis(10, 0.0)).isEqualTo(15_000);
        assertThat(policy.delayMillis(100, 0.999)).isBetween(15_000L, 30_000L);
        // below the maximum, the shortest next wait is never below the longest previous one: attempts spread out
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(policy.delayMillis(attempt + 1, 0.0)).isGreaterThanOrEqualTo(policy.delayMillis(attempt, 0.999));
        }
    }

    @Test
    void anEventIsParkedAfterItsAttemptsOrAtOnceWhenRetryingCannotHelp() {
        assertThat(policy.park(3, new TimeoutException("no metadata"))).isFalse();
        assertThat(policy.park(4, new TimeoutException("no metadata"))).isTrue();
        assertThat(policy.park(1, new RecordTooLargeException("too large"))).isTrue();
        assertThat(policy.park(1, new KafkaException("wrapped", new RecordTooLargeException("too large")))).isTrue();
    }
}
