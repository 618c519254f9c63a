package io.careline.complaint;

import static io.careline.complaint.OutboxTestSupport.insert;
import static io.careline.complaint.OutboxTestSupport.published;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.contracts.Topics;
import io.careline.outbox.OutboxRelay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** With polling all but off, a committed event is published because its commit NOTIFYs the relay. */
@QuarkusTest
@TestProfile(OutboxRelayWakeUpTest.PollRarely.class)
class OutboxRelayWakeUpTest {

    public static class PollRarely implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("careline.outbox.poll-interval", "10M");
        }
    }

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Test
    void aCommittedEventIsPublishedLongBeforeTheNextPoll() {
        await().atMost(Duration.ofSeconds(30)).until(relay::isActive);
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            insert(pool, id, Topics.COMPLAINT, "WAKE-" + id, "{\"seq\":" + i + "}");
            // the next poll is 10 minutes away: only the NOTIFY can bring it out this soon
            await().atMost(Duration.ofSeconds(30)).until(() -> published(pool, id));
        }
    }
}
