package io.careline.outbox.mongo;

import static com.mongodb.client.model.Filters.eq;
import static io.careline.outbox.mongo.MongoOutboxFixture.TOPIC;
import static io.careline.outbox.mongo.MongoOutboxFixture.envelope;
import static io.careline.outbox.mongo.MongoOutboxFixture.recordsMentioning;
import static io.careline.outbox.mongo.MongoOutboxFixture.sequencesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.UpdateOptions;

/** One relay at a time across replicas, through the lease; the other takes over when it is given up or expires. */
class MongoOutboxLeaseTest {

    @Test
    void oneRelayPublishesAtATimeAndTheOtherTakesOverWhenItStops() {
        try (MongoOutboxFixture fixture = new MongoOutboxFixture("lease")) {
            MongoOutboxRelay first = fixture.relay();
            MongoOutboxRelay second = fixture.relay();
            MongoOutbox outbox = fixture.writer(first);
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(first::isActive);
            second.start();
            String run = UUID.randomUUID().toString();
            write(fixture, outbox, run, 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.inOutboxes() == 0);
            assertThat(second.isActive()).as("the second relay never held the lease").isFalse();

            first.stop(); // as a replica shutting down: it finishes its pass and gives the lease up
            assertThat(first.isActive()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(second::isActive);
            write(fixture, outbox, run, 100);
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.inOutboxes() == 0);

            List<ConsumerRecord<String, String>> records = recordsMentioning(TOPIC, run);
            assertThat(records).as("every event exactly once").hasSize(4 * 200);
            Map<String, List<Integer>> byKey = sequencesByKey(records);
            assertThat(byKey).hasSize(4);
            byKey.values().forEach(sequence -> assertThat(sequence).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList()));
        }
    }

    @Test
    void theLeaseOfAReplicaThatDiedIsTakenOnceItExpiresWithTheNextFencingToken() {
        try (MongoOutboxFixture fixture = new MongoOutboxFixture("expiry")) {
            Instant expires = Instant.now().plusSeconds(3);
            fixture.database.getCollection(RelayLease.COLLECTION).insertOne(new Document("_id", "relay")
                    .append("owner", "a-replica-that-died").append("token", 7L).append("expiresAt", Date.from(expires)));
            MongoOutboxRelay relay = fixture.relay(MongoOutboxFixture.BOOTSTRAP, Duration.ofSeconds(2));
            MongoOutbox outbox = fixture.writer(relay);
            relay.start();
            String run = UUID.randomUUID().toString();
            write(fixture, outbox, run, 0);

            await().atMost(Duration.ofSeconds(30)).until(relay::isActive);
            assertThat(Instant.now()).as("not before the dead replica's lease expired").isAfterOrEqualTo(expires);
            Document lease = fixture.database.getCollection(RelayLease.COLLECTION).find(eq("_id", "relay")).first();
            assertThat(lease.getLong("token")).isEqualTo(8L);
            assertThat(lease.getString("owner")).startsWith(relay.name());
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.inOutboxes() == 0);
            assertThat(recordsMentioning(TOPIC, run)).hasSize(4 * 100);

            // renewed while it works: still the holder after several lease lengths
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(relay.isActive()).isTrue();
            assertThat(fixture.database.getCollection(RelayLease.COLLECTION).find(eq("_id", "relay")).first().getLong("token"))
                    .isEqualTo(8L);
        }
    }

    /** 100 events for each of 4 keys, interleaved, numbered from {@code from}, each key in one document. */
    private static void write(MongoOutboxFixture fixture, MongoOutbox outbox, String run, int from) {
        for (int seq = from; seq < from + 100; seq++) {
            for (int k = 0; k < 4; k++) {
                String key = run + "-" + k;
                fixture.customers.updateOne(eq("_id", key), outbox.push(outbox.event(MongoOutboxFixture.TESTED, envelope(key, run, seq))),
                        new UpdateOptions().upsert(true));
            }
        }
        outbox.written();
    }
}
