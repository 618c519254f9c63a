package io.careline.outbox.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The start-up check that refuses settings under which the relay could not keep its promises. */
class ProducerSettingsTest {

    @Test
    void theDefaultsPass() {
        assertThat(ProducerSettings.problems(settings(Map.of()), config(Duration.ofSeconds(20)))).isEmpty();
    }

    @Test
    void aPassDeadlineShorterThanWhatTheProducerMayStillTakeIsRefused() {
        // max.block.ms 5000 + delivery.timeout.ms 10000 = 15 s; the old relay waited 12 s
        assertThat(ProducerSettings.problems(settings(Map.of()), config(Duration.ofSeconds(12))))
                .singleElement().asString()
                .contains("careline.outbox.pass-deadline (12000 ms)", "max.block.ms + delivery.timeout.ms (15000 ms)");
        assertThat(ProducerSettings.problems(settings(Map.of()), config(Duration.ofSeconds(15)))).hasSize(1);
        assertThat(ProducerSettings.problems(settings(Map.of("max.block.ms", "1000")), config(Duration.ofSeconds(12)))).isEmpty();
    }

    @Test
    void aDeliveryTimeoutBelowLingerPlusRequestTimeoutIsRefused() {
        assertThat(ProducerSettings.problems(settings(Map.of("linger.ms", "100", "request.timeout.ms", "9950")),
                config(Duration.ofSeconds(20))))
                .singleElement().asString().contains("delivery.timeout.ms (10000)", "linger.ms + request.timeout.ms (10050)");
    }

    @Test
    void settingsThatWouldLoseOrderOrAcknowledgementsAreRefused() {
        assertThat(ProducerSettings.problems(settings(Map.of("acks", "1", "enable.idempotence", "false",
                "max.in.flight.requests.per.connection", "6")), config(Duration.ofSeconds(20))))
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("acks must be all"))
                .anySatisfy(problem -> assertThat(problem).startsWith("enable.idempotence must be true"))
                .anySatisfy(problem -> assertThat(problem).startsWith("max.in.flight.requests.per.connection must be 1 to 5"));
    }

    @Test
    void theServiceSettingsAreKeptOnlyWhenAProducerKnowsThemAndTheRelaysOverridesWin() {
        Map<String, Object> service = Map.of("bootstrap.servers", "kafka:9092", "default.api.timeout.ms", "5000",
                "linger.ms", "50");
        Map<String, Object> producer = ProducerSettings.of(service, Map.of("linger.ms", "2"), "relay-1");
        assertThat(producer).containsEntry("bootstrap.servers", "kafka:9092").containsEntry("linger.ms", "2")
                .containsEntry("acks", "all").containsEntry("client.id", "relay-1")
                .doesNotContainKey("default.api.timeout.ms");
    }

    @Test
    void theSendWindowIsWhatTheDeadlineLeavesForDelivery() {
        assertThat(ProducerSettings.sendWindow(settings(Map.of()), config(Duration.ofSeconds(20))))
                .isEqualTo(Duration.ofSeconds(5));
    }

    private static Map<String, Object> settings(Map<String, String> overrides) {
        return new HashMap<>(ProducerSettings.of(Map.of("bootstrap.servers", "127.0.0.1:9092"), overrides, "test"));
    }

    private static RelayConfig config(Duration passDeadline) {
        return new RelayConfig() {
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public int batchSize() {
                return 500;
            }

            public Duration passDeadline() {
                return passDeadline;
            }

            public int maxAttempts() {
                return 10;
            }

            public Backoff backoff() {
                return new Backoff() {
                    public Duration initial() {
                        return Duration.ofSeconds(1);
                    }

                    public Duration max() {
                        return Duration.ofMinutes(5);
                    }
                };
            }

            public Duration metricsRefresh() {
                return Duration.ofSeconds(5);
            }

            public Map<String, String> producer() {
                return Map.of();
            }
        };
    }
}
