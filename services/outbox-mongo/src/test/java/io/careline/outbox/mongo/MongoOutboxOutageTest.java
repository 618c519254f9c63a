package io.careline.outbox.mongo;

import static io.careline.outbox.mongo.MongoOutboxFixture.TOPIC;
import static io.careline.outbox.mongo.MongoOutboxFixture.envelope;
import static io.careline.outbox.mongo.MongoOutboxFixture.recordsMentioning;
import static io.careline.outbox.mongo.MongoOutboxFixture.sequencesByKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A broker that is away parks nothing: the events keep their attempts, and all go out once it is back. */
class MongoOutboxOutageTest {

    @Test
    void whileTheBrokerIsAwayNothingIsParkedOrLostAndEverythingIsDeliveredInOrderWhenItIsBack() throws Exception {
        try (MongoOutboxFixture fixture = new MongoOutboxFixture("outage"); BrokerProxy broker = new BrokerProxy()) {
            MongoOutboxRelay relay = fixture.relay(broker.address(), Duration.ofSeconds(10));
            MongoOutbox outbox = fixture.writer(relay);
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(relay::isActive);
            String run = UUID.randomUUID().toString();
            List<UUID> ids = new ArrayList<>();
            for (int seq = 0; seq < 20; seq++) {
                var envelope = envelope("C-" + run, run, seq);
                ids.add(envelope.id());
                fixture.customers.updateOne(com.mongodb.client.model.Filters.eq("_id", "C-" + run),
                        outbox.push(outbox.event(MongoOutboxFixture.TESTED, envelope)),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
            }
            outbox.written();

            // more failed attempts (of the key's first event; the others wait behind it) than max-attempts (3): they
            // would have parked it, had they counted
            await().atMost(Duration.ofSeconds(90)).until(() -> fixture.failedAttempts() >= 4);
            for (UUID id : ids) {
                Document event = fixture.entry(id);
                assertThat(event).as("still in the outbox").isNotNull();
                assertThat(event.get(OutboxFields.ATTEMPTS)).as("an outage is not the event's fault").isNull();
                assertThat(event.get(OutboxFields.PARKED_AT)).isNull();
            }

            broker.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.inOutboxes() == 0);
            assertThat(sequencesByKey(recordsMentioning(TOPIC, run)).get("C-" + run))
                    .containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        }
    }
}
