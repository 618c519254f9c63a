package io.careline.complaint;

import static io.careline.complaint.OutboxTestSupport.COMPLAINT_TOPIC;
import static io.careline.complaint.OutboxTestSupport.insert;
import static io.careline.complaint.OutboxTestSupport.published;
import static io.careline.complaint.OutboxTestSupport.recordsMentioning;
import static io.careline.complaint.OutboxTestSupport.row;
import static io.careline.complaint.OutboxTestSupport.sequencesByKey;
import static io.careline.complaint.OutboxTestSupport.unpublished;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay against the real database and broker: order per key while sends are pipelined, and an event the broker
 * refuses holding back only its own key, backing off, parked, then retried or discarded by an operator. (The test
 * profile parks after 3 attempts, backs off from 0.2 s, and gives up on a topic's metadata after 1 s.)
 */
@QuarkusTest
class OutboxRelayTest {

    private static final String OPS = "/api/v1/ops/complaint/outbox";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    Pool pool;

    @Test
    void eachKeysEventsArriveInOrderWhileWholeBatchesArePipelined() {
        String run = UUID.randomUUID().toString();
        int keys = 4;
        int perKey = 300; // 1,200 events: more than two full batches, sent without waiting for each acknowledgement
        pool.preparedQuery("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at)
                SELECT gen_random_uuid(), $1, $2 || '-' || (i % $3), 'io.careline.Test.v1',
                       jsonb_build_object('run', $2, 'seq', i / $3), now()
                FROM generate_series(0, $4 - 1) AS i""")
                .execute(Tuple.of(Topics.COMPLAINT, run, keys, keys * perKey)).await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(pool, run) == 0);

        List<ConsumerRecord<String, String>> records = recordsMentioning(COMPLAINT_TOPIC, run);
        assertThat(records).as("every event exactly once").hasSize(keys * perKey);
        Map<String, List<Integer>> byKey = new TreeMap<>(sequencesByKey(records));
        assertThat(byKey).hasSize(keys);
        byKey.forEach((key, sequence) -> assertThat(sequence).as("the events of " + key)
                .containsExactlyElementsOf(IntStream.range(0, perKey).boxed().toList()));
    }

    @Test
    void aRefusedEventHoldsBackOnlyItsKeyBacksOffIsParkedAndAnOperatorsRetryPublishesItThenTheRestOfItsKey() {
        String run = UUID.randomUUID().toString();
        String stuckKey = "STUCK-" + run;
        String otherKey = "OTHER-" + run;
        String missingTopic = "outbox-test-" + run; // the broker creates no topics by itself
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        List<UUID> behind = List.of(UUID.randomUUID(), UUID.randomUUID());
        insert(pool, before, Topics.COMPLAINT, stuckKey, event(run, 0));
        insert(pool, refused, missingTopic, stuckKey, event(run, 1));
        insert(pool, behind.get(0), Topics.COMPLAINT, stuckKey, event(run, 2));
        List<UUID> others = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            UUID other = UUID.randomUUID();
            others.add(other);
            insert(pool, other, Topics.COMPLAINT, otherKey, event(run, seq));
        }
        insert(pool, behind.get(1), Topics.COMPLAINT, stuckKey, event(run, 3));

        // the other key flows while the refused event is tried again, ever later, then parked
        List<Row> failedAttempts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Row now = row(pool, refused);
            if (now.getInteger("attempts") > failedAttempts.size()) {
                failedAttempts.add(now);
            }
            return now.getOffsetDateTime("parked_at") != null;
        });
        assertThat(failedAttempts).extracting(r -> r.getInteger("attempts")).containsExactly(1, 2, 3);
        // initial 0.2 s, doubling, the upper half random: at least 0.1 s after the first failure, 0.2 s after the second
        assertThat(backoff(failedAttempts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(backoff(failedAttempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        Row parked = row(pool, refused);
        assertThat(parked.getOffsetDateTime("next_attempt_at")).isNull();
        assertThat(parked.getString("last_error")).contains("TimeoutException");

        assertThat(published(pool, before)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(id -> published(pool, id)));
        assertThat(behind).as("the later events of the stuck key wait").noneMatch(id -> published(pool, id));

        // visible to operators: the gauge and the endpoint
        long parkedInDatabase = pool.query("""
                SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL""")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedGauge() == parkedInDatabase);
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("size", 100)
                .when().get(OPS + "/parked")
                .then().statusCode(200)
                .body("items.id", hasItem(refused.toString()));

        try (KafkaCompanion kafka = new KafkaCompanion(OutboxTestSupport.BOOTSTRAP)) {
            kafka.topics().createAndWait("test." + missingTopic, 1, Duration.ofSeconds(30));
            try {
                given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + refused + "/retry")
                        .then().statusCode(204);

                await().atMost(Duration.ofSeconds(30)).until(() -> published(pool, refused)
                        && behind.stream().allMatch(id -> published(pool, id)));
                assertThat(recordsMentioning("test." + missingTopic, run)).hasSize(1);
                OffsetDateTime refusedAt = row(pool, refused).getOffsetDateTime("published_at");
                assertThat(behind).allSatisfy(id -> assertThat(row(pool, id).getOffsetDateTime("published_at"))
                        .isAfterOrEqualTo(refusedAt));
                assertThat(sequencesByKey(recordsMentioning(COMPLAINT_TOPIC, run)).get(stuckKey)).containsExactly(0, 2, 3);
            } finally {
                kafka.topics().delete("test." + missingTopic);
            }
        }
    }

    @Test
    void aRecordTooLargeIsParkedAtOnceAndDiscardingItLetsItsKeyFlow() {
        String run = UUID.randomUUID().toString();
        String key = "LARGE-" + run;
        UUID tooLarge = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        UUID otherKeysLater = UUID.randomUUID();
        // over the producer's max.request.size (1 MiB): retrying cannot help
        insert(pool, tooLarge, Topics.COMPLAINT, key, "{\"run\":\"" + run + "\",\"seq\":0,\"pad\":\"" + "x".repeat(1_100_000) + "\"}");
        insert(pool, next, Topics.COMPLAINT, key, event(run, 1));
        insert(pool, otherKeysLater, Topics.COMPLAINT, "LATER-" + run, event(run, 0));

        await().atMost(Duration.ofSeconds(30)).until(() -> published(pool, otherKeysLater));
        Row parked = row(pool, tooLarge);
        assertThat(parked.getOffsetDateTime("parked_at")).isNotNull();
        assertThat(parked.getInteger("attempts")).isEqualTo(1);
        assertThat(parked.getString("last_error")).contains("RecordTooLargeException");
        assertThat(published(pool, next)).isFalse();

        given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + tooLarge + "/discard")
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> published(pool, next));
        Row discarded = row(pool, tooLarge);
        assertThat(discarded.getOffsetDateTime("discarded_at")).isNotNull();
        assertThat(discarded.getString("discarded_by")).isEqualTo("ada");
        assertThat(discarded.getOffsetDateTime("published_at")).isNull();
        // a discarded event is no longer parked: retrying or discarding it again finds nothing
        given().auth().oauth2(TOKENS.staff("ada")).when().post(OPS + "/" + tooLarge + "/retry")
                .then().statusCode(404);
    }

    private static String event(String run, int seq) {
        return "{\"run\":\"" + run + "\",\"seq\":" + seq + "}";
    }

    private static Duration backoff(Row failed) {
        return Duration.between(failed.getOffsetDateTime("last_attempt_at"), failed.getOffsetDateTime("next_attempt_at"));
    }

    private static long parkedGauge() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("careline_outbox_parked "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
