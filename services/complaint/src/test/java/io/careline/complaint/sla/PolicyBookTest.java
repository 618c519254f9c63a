package io.careline.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The most specific matching policy wins; category weighs more than priority, priority more than channel. */
class PolicyBookTest {

    private static final PolicyBook BOOK = new PolicyBook(List.of(
            policy("default", null, null, null),
            policy("hotline", null, null, "HOTLINE"),
            policy("urgent", null, "URGENT", null),
            policy("urgent-hotline", null, "URGENT", "HOTLINE"),
            policy("billing", "BILLING", null, null)), Map.of());

    @Test
    void theMostSpecificMatchingPolicyWins() {
        assertThat(BOOK.match(subject("SERVICE", null, "APP")).id()).isEqualTo("default");
        assertThat(BOOK.match(subject("SERVICE", null, "HOTLINE")).id()).isEqualTo("hotline");
        assertThat(BOOK.match(subject("SERVICE", "URGENT", "APP")).id()).isEqualTo("urgent");
        assertThat(BOOK.match(subject("SERVICE", "URGENT", "HOTLINE")).id()).isEqualTo("urgent-hotline");
        assertThat(BOOK.match(subject("BILLING", "URGENT", "HOTLINE")).id()).isEqualTo("billing");
    }

    @Test
    void withoutADefaultAnUnmatchedComplaintIsAnError() {
        PolicyBook book = new PolicyBook(List.of(policy("hotline", null, null, "HOTLINE")), Map.of());
        assertThatThrownBy(() -> book.match(subject("SERVICE", null, "APP"))).hasMessageContaining("default policy");
        assertThat(book.workingTime(null)).isSameAs(WorkingTime.CALENDAR_HOURS);
    }

    private static SlaPolicy policy(String id, String category, String priority, String channel) {
        return new SlaPolicy(id, id, category, priority, channel, Duration.ofHours(48), Duration.ofDays(10), null);
    }

    private static SlaSubject subject(String category, String priority, String channel) {
        return new SlaSubject(UUID.randomUUID(), "CMP-X", "C-1", category, priority, channel, Instant.EPOCH);
    }
}
