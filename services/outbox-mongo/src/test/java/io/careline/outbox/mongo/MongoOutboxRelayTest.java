package io.careline.outbox.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.careline.outbox.mongo.MongoOutboxFixture.TOPIC;
import static io.careline.outbox.mongo.MongoOutboxFixture.envelope;
import static io.careline.outbox.mongo.MongoOutboxFixture.header;
import static io.careline.outbox.mongo.MongoOutboxFixture.recordsMentioning;
import static io.careline.outbox.mongo.MongoOutboxFixture.sequencesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;

/** The relay against the real Mongo-wire server and broker. */
class MongoOutboxRelayTest {

    private MongoOutboxFixture fixture;
    private MongoOutboxRelay relay;
    private MongoOutbox outbox;

    @BeforeEach
    void start() {
        fixture = new MongoOutboxFixture("relay");
        relay = fixture.relay();
        outbox = fixture.writer(relay);
        relay.start();
        await().atMost(Duration.ofSeconds(30)).until(relay::isActive);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anEventWrittenWithItsChangeReachesKafkaOnceAsACloudEvent() {
        String run = UUID.randomUUID().toString();
        EventEnvelope<Map<String, Object>> created = envelope("C-" + run, run, 0);
        EventEnvelope<Map<String, Object>> renamed = envelope("C-" + run, run, 1);
        fixture.customers.insertOne(outbox.insert(new Document("_id", "C-" + run).append("name", "Ann"),
                outbox.event(MongoOutboxFixture.TESTED, created)));
        outbox.written();
        fixture.customers.updateOne(eq("_id", "C-" + run),
                Updates.combine(Updates.set("name", "Anne"), outbox.push(outbox.event(MongoOutboxFixture.TESTED, renamed))));
        outbox.written();

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.inOutboxes() == 0);
        Document customer = fixture.customers.find(eq("_id", "C-" + run)).first();
        assertThat(customer.getString("name")).isEqualTo("Anne");
        assertThat(customer).doesNotContainKeys(OutboxFields.OUTBOX, OutboxFields.DUE_AT);

        List<ConsumerRecord<String, String>> records = recordsMentioning(TOPIC, run);
        assertThat(records).as("each event exactly once, in order").hasSize(2);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("C-" + run);
        assertThat(records).extracting(r -> header(r, "ce_id")).containsExactly(created.id().toString(), renamed.id().toString());
        assertThat(header(records.get(0), "ce_type")).isEqualTo("io.careline.OutboxTested.v1");
        assertThat(header(records.get(0), "ce_source")).isEqualTo("/careline/outbox-mongo-test");
        assertThat(records.get(0).value()).contains("\"id\":\"" + created.id() + "\"", "\"customerId\":\"C-" + run + "\"");
        assertThat(fixture.registry.get("careline.outbox.published").tag("store", "mongo").counter().count()).isEqualTo(2);
    }

    @Test
    void eachKeysEventsArriveInOrderAcrossDocumentsAndCollections() {
        String run = UUID.randomUUID().toString();
        int keys = 4;
        int perKey = 120; // 480 events, batches of 100: several passes
        for (int seq = 0; seq < perKey; seq++) {
            for (int k = 0; k < keys; k++) {
                String key = run + "-" + k;
                Document event = outbox.event(MongoOutboxFixture.TESTED, envelope(key, run, seq));
                if (seq % 3 == 2) {
                    // a note of its own, in the other collection
                    fixture.notes.insertOne(outbox.insert(new Document("_id", key + "-" + seq), event));
                } else {
                    fixture.customers.updateOne(eq("_id", key), outbox.push(event), new com.mongodb.client.model.UpdateOptions().upsert(true));
                }
            }
        }
        outbox.written();

        await().atMost(Duration.ofSeconds(60)).until(() -> fixture.inOutboxes() == 0);
        List<ConsumerRecord<String, String>> records = recordsMentioning(TOPIC, run);
        assertThat(records).as("every event exactly once").hasSize(keys * perKey);
        Map<String, List<Integer>> byKey = new TreeMap<>(sequencesByKey(records));
        assertThat(byKey).hasSize(keys);
        byKey.forEach((key, sequence) -> assertThat(sequence).as("the events of " + key)
                .containsExactlyElementsOf(IntStream.range(0, perKey).boxed().toList()));
    }

    /**
     * A pass reads the documents due when it began, each as it is when reached: a document due earlier may by then hold
     * an event written after an earlier event of its key went into a document not due yet (written after the pass
     * began). Staged here with positions and due times a little ahead, as such writes would have them: the later
     * event must not go first.
     */
    @Test
    void anEventWrittenAfterThePassBeganWaitsForTheEarlierEventsOfItsKey() {
        String run = UUID.randomUUID().toString();
        String key = "RACE-" + run;
        long inOneSecond = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().plusSeconds(1));
        Document earlier = outbox.event(MongoOutboxFixture.TESTED, envelope(key, run, 0)).append(OutboxFields.POSITION, inOneSecond);
        Document later = outbox.event(MongoOutboxFixture.TESTED, envelope(key, run, 1)).append(OutboxFields.POSITION, inOneSecond + 1000);
        fixture.notes.insertOne(outbox.insert(new Document("_id", key + "-note"), earlier)
                .append(OutboxFields.DUE_AT, java.util.Date.from(Instant.now().plusSeconds(1))));
        fixture.customers.insertOne(outbox.insert(new Document("_id", key), later)); // due now
        outbox.written();

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.inOutboxes() == 0);
        assertThat(sequencesByKey(recordsMentioning(TOPIC, run)).get(key)).containsExactly(0, 1);
    }

    @Test
    void aRecordTooLargeIsParkedAtOnceHoldsBackOnlyItsKeyAndDiscardingItLetsItsKeyFlow() {
        String run = UUID.randomUUID().toString();
        String key = "LARGE-" + run;
        EventEnvelope<Map<String, Object>> tooLarge = new EventEnvelope<>(UUID.randomUUID(), "OutboxTested", 1,
                java.time.Instant.now(), key, Map.of("run", run, "seq", 0, "pad", "x".repeat(1_100_000)));
        EventEnvelope<Map<String, Object>> sameDocument = envelope(key, run, 1);
        EventEnvelope<Map<String, Object>> otherDocument = envelope(key, run, 2);
        EventEnvelope<Map<String, Object>> otherKey = envelope("LATER-" + run, run, 0);
        fixture.customers.insertOne(outbox.insert(new Document("_id", key),
                outbox.event(MongoOutboxFixture.TESTED, tooLarge), outbox.event(MongoOutboxFixture.TESTED, sameDocument)));
        fixture.notes.insertOne(outbox.insert(new Document("_id", key + "-note"), outbox.event(MongoOutboxFixture.TESTED, otherDocument)));
        fixture.notes.insertOne(outbox.insert(new Document("_id", "LATER-" + run), outbox.event(MongoOutboxFixture.TESTED, otherKey)));
        outbox.written();

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.entry(otherKey.id()) == null);
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.entry(tooLarge.id()).get(OutboxFields.PARKED_AT) != null);
        Document parked = fixture.entry(tooLarge.id());
        assertThat(parked.getInteger(OutboxFields.ATTEMPTS)).isEqualTo(1);
        assertThat(parked.getString(OutboxFields.LAST_ERROR)).contains("RecordTooLargeException");
        assertThat(fixture.entry(sameDocument.id())).as("held back behind it").isNotNull();
        assertThat(fixture.entry(otherDocument.id())).as("held back behind it, from another document").isNotNull();
        assertThat(fixture.customers.find(eq("_id", key)).first().get(OutboxFields.DUE_AT))
                .as("nothing to do for the relay until an operator acts").isNull();

        // the gauges: the parked event and the two it holds back are pending, one is parked
        new MongoOutboxMaintenance(fixture.collections, fixture.metrics).refreshGauges();
        assertThat(fixture.registry.get("careline.outbox.parked").tag("store", "mongo").gauge().value()).isEqualTo(1);
        assertThat(fixture.registry.get("careline.outbox.pending").tag("store", "mongo").gauge().value()).isEqualTo(3);
        assertThat(fixture.registry.get("careline.outbox.oldest.pending.age.seconds").tag("store", "mongo").gauge().value())
                .isGreaterThan(0);

        MongoParkedEvents operator = fixture.parked(relay);
        assertThat(operator.page(0, 20).items()).singleElement()
                .satisfies(event -> assertThat(event.id()).isEqualTo(tooLarge.id().toString()))
                .satisfies(event -> assertThat(event.collection()).isEqualTo(fixture.customers.getNamespace().getCollectionName()));
        assertThat(operator.discard(tooLarge.id().toString(), "ada")).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.inOutboxes() == 0);
        assertThat(sequencesByKey(recordsMentioning(TOPIC, run)).get(key)).containsExactly(1, 2);
        Document discarded = fixture.database.getCollection(MongoParkedEvents.DISCARDED).find(eq("_id", tooLarge.id().toString())).first();
        assertThat(discarded.getString("discardedBy")).isEqualTo("ada");
        assertThat(operator.page(0, 20).items()).isEmpty();
        assertThat(operator.retry(tooLarge.id().toString())).as("no longer parked").isFalse();
    }

    @Test
    void aRefusedEventBacksOffIsParkedAfterItsAttemptsAndAnOperatorsRetryPublishesItThenTheRestOfItsKey() throws Exception {
        String run = UUID.randomUUID().toString();
        String key = "STUCK-" + run;
        String missingTopic = "outbox-mongo-test-" + run; // the broker creates no topics by itself
        EventType unrouted = new EventType("OutboxTested", 1, missingTopic);
        EventEnvelope<Map<String, Object>> before = envelope(key, run, 0);
        EventEnvelope<Map<String, Object>> refused = envelope(key, run, 1);
        EventEnvelope<Map<String, Object>> behind = envelope(key, run, 2);
        List<UUID> others = new ArrayList<>();
        fixture.customers.insertOne(outbox.insert(new Document("_id", key), outbox.event(MongoOutboxFixture.TESTED, before),
                outbox.event(unrouted, refused), outbox.event(MongoOutboxFixture.TESTED, behind)));
        for (int seq = 0; seq < 5; seq++) {
            EventEnvelope<Map<String, Object>> other = envelope("OTHER-" + run, run, seq);
            others.add(other.id());
            fixture.notes.updateOne(eq("_id", "OTHER-" + run), outbox.push(outbox.event(MongoOutboxFixture.TESTED, other)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
        outbox.written();

        List<Integer> attemptsSeen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Document now = fixture.entry(refused.id());
            int attempts = now.getInteger(OutboxFields.ATTEMPTS, 0);
            if (attempts > attemptsSeen.size()) {
                attemptsSeen.add(attempts);
            }
            return now.get(OutboxFields.PARKED_AT) != null;
        });
        assertThat(attemptsSeen).containsExactly(1, 2, 3);
        Document parked = fixture.entry(refused.id());
        assertThat(parked.getString(OutboxFields.LAST_ERROR)).contains("TimeoutException");
        assertThat(parked.get(OutboxFields.NEXT_ATTEMPT_AT)).isNull();
        assertThat(fixture.entry(before.id())).as("published before it").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> others.stream().allMatch(id -> fixture.entry(id) == null));
        assertThat(fixture.entry(behind.id())).as("the later event of the stuck key waits").isNotNull();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", MongoOutboxFixture.BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic("test." + missingTopic, 1, (short) 1))).all().get();
            try {
                assertThat(fixture.parked(relay).retry(refused.id().toString())).isTrue();
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(fixture.inOutboxes()).as(fixture::describe).isZero());
                assertThat(recordsMentioning("test." + missingTopic, run)).singleElement()
                        .satisfies(record -> assertThat(header(record, "ce_id")).isEqualTo(refused.id().toString()));
                assertThat(sequencesByKey(recordsMentioning(TOPIC, run)).get(key)).containsExactly(0, 2);
            } finally {
                admin.deleteTopics(List.of("test." + missingTopic)).all().get();
            }
        }
    }

    @Test
    void aCrashBetweenTheBrokersAcknowledgementAndThePullPublishesTheEventAgainWithTheSameId() {
        String run = UUID.randomUUID().toString();
        EventEnvelope<Map<String, Object>> envelope = envelope("C-" + run, run, 0);
        Document event = outbox.event(MongoOutboxFixture.TESTED, envelope);
        fixture.customers.insertOne(outbox.insert(new Document("_id", "C-" + run), event));
        outbox.written();
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.inOutboxes() == 0);

        // the document as a relay that crashed after the acknowledgement, before its write-back, would leave it
        fixture.customers.updateOne(eq("_id", "C-" + run), outbox.push(event));
        outbox.written();
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.inOutboxes() == 0);

        assertThat(recordsMentioning(TOPIC, run)).as("at least once: consumers apply an event id once")
                .hasSize(2).extracting(record -> header(record, "ce_id")).containsOnly(envelope.id().toString());
    }
}
