package io.careline.claimcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's outbox is wired: an event written to its outbox_event table reaches careline.care.v1 (test.careline.care.v1
 * under the test profile's topic prefix), keyed by customer and named as coming from claim-care, with the trace context
 * its writer had. (The relay's ordering and failure handling are tested in the complaint service; this proves this
 * service's migrations, its relay and its topic.)
 */
@QuarkusTest
class OutboxWiringTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Inject
    Pool pool;

    @Test
    void anEventInTheOutboxIsPublishedToTheCareTopic() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at, traceparent)
                VALUES ($1, $2, 'C-1001', 'io.careline.WiringCheck.v1', $3::text::jsonb, $4, $5)""")
                .execute(Tuple.of(id, Topics.CARE, "{\"id\":\"" + id + "\"}", OffsetDateTime.now(), TRACEPARENT))
                .await().atMost(Duration.ofSeconds(10));

        try (KafkaCompanion kafka = new KafkaCompanion("127.0.0.1:9092")) {
            ConsumerTask<String, String> records = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("test." + Topics.CARE);
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> records.getRecords().stream().filter(r -> r.value().contains(id.toString())).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            records.stop();

            assertThat(record.key()).isEqualTo("C-1001");
            assertThat(new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8))
                    .isEqualTo("/careline/claim-care");
            assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo(TRACEPARENT);
        }
    }
}
