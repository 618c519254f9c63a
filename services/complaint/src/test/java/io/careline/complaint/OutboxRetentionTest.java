package io.careline.complaint;

import static io.careline.complaint.OutboxTestSupport.insert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.outbox.OutboxMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Published and discarded events are deleted once older than the retention (7 days); pending ones never are. */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    Pool pool;

    @Inject
    OutboxMaintenance maintenance;

    @Test
    void eventsPublishedOrDiscardedLongerAgoThanTheRetentionAreDeleted() {
        UUID publishedLongAgo = UUID.randomUUID();
        UUID discardedLongAgo = UUID.randomUUID();
        UUID publishedRecently = UUID.randomUUID();
        UUID pendingLongAgo = UUID.randomUUID();
        // a topic the relay cannot publish to, so it leaves the pending one alone during the test
        for (UUID id : new UUID[] { publishedLongAgo, discardedLongAgo, publishedRecently, pendingLongAgo }) {
            insert(pool, id, "careline.retention-test", "RETENTION-" + id, "{}");
        }
        set("published_at = now() - interval '8 days'", publishedLongAgo);
        set("discarded_at = now() - interval '8 days'", discardedLongAgo);
        set("published_at = now() - interval '6 days'", publishedRecently);
        set("occurred_at = now() - interval '30 days', parked_at = now()", pendingLongAgo);

        maintenance.deleteOld().await().atMost(Duration.ofSeconds(10));

        assertThat(exists(publishedLongAgo)).isFalse();
        assertThat(exists(discardedLongAgo)).isFalse();
        assertThat(exists(publishedRecently)).isTrue();
        assertThat(exists(pendingLongAgo)).as("a pending event is never deleted, however old").isTrue();
        pool.preparedQuery("DELETE FROM outbox_event WHERE message_key LIKE 'RETENTION-%'").execute()
                .await().atMost(Duration.ofSeconds(10));
    }

    private void set(String assignment, UUID id) {
        pool.preparedQuery("UPDATE outbox_event SET " + assignment + " WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10));
    }

    private boolean exists(UUID id) {
        return pool.preparedQuery("SELECT 1 FROM outbox_event WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).size() == 1;
    }
}
