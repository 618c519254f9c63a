package io.careline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    @Test
    void itAdvancesTheRealTimeOrAFixedInstantAndResetsToTheRealTime() {
        AdjustableClock clock = new AdjustableClock();
        clock.advance(Duration.ofDays(3));
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(5));

        Instant noon = Instant.parse("2026-03-29T12:00:00Z");
        clock.set(noon);
        assertThat(clock.instant()).isEqualTo(noon);
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(noon.plus(Duration.ofMinutes(90)));

        clock.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
