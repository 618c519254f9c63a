package io.careline.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

class UntilAppliedTest {

    private static final Duration SHORT = Duration.ofMillis(1);

    @Test
    void aFailingEffectIsCalledAfreshUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Throwable> told = new ArrayList<>();
        String result = UntilApplied.retried(() -> calls.incrementAndGet() < 4
                ? Uni.createFrom().failure(new IllegalStateException("store away " + calls.get()))
                : Uni.createFrom().item("applied"), SHORT, SHORT, told::add).await().atMost(Duration.ofSeconds(10));
        assertThat(result).isEqualTo("applied");
        assertThat(calls).hasValue(4);
        assertThat(told).extracting(Throwable::getMessage).containsExactly("store away 1", "store away 2", "store away 3");
    }

    @Test
    void anUnreadableEventIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        Uni<Object> unreadable = UntilApplied.retried(() -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new UnreadableEventException("not JSON"));
        }, SHORT, SHORT, failure -> {
        });
        assertThatThrownBy(() -> unreadable.await().atMost(Duration.ofSeconds(10))).isInstanceOf(UnreadableEventException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anEnvelopeNeedsAStringTypeAndAnIntegerVersion() {
        ObjectMapper json = new ObjectMapper();
        assertThat(EventRecords.envelope(json, "{\"type\":\"CustomerErased\",\"version\":1}").get("type").asText())
                .isEqualTo("CustomerErased");
        assertThatThrownBy(() -> EventRecords.envelope(json, "not json")).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> EventRecords.envelope(json, "{\"type\":\"X\",\"version\":\"1\"}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("integer version");
        assertThatThrownBy(() -> EventRecords.envelope(json, null)).isInstanceOf(UnreadableEventException.class);
    }
}
