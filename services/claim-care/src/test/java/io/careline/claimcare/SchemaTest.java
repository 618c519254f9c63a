package io.careline.claimcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Flyway migrated the test database at start, and the reactive pool the entities use reaches that same database.
 * (Hibernate's validate strategy already refused to start if the outbox entity and the table disagreed.)
 */
@QuarkusTest
class SchemaTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void theReactivePoolUsesTheTestDatabase() {
        String database = pool.query("SELECT current_database()").execute().await().atMost(WAIT)
                .iterator().next().getString(0);
        assertThat(database).isEqualTo("careline_claim_care_test");
    }

    @Test
    void theMigrationsAreApplied() {
        List<String> applied = rows("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .stream().map(row -> row.getString("version")).toList();
        assertThat(applied).startsWith("1").contains("3", "4", "5", "6");

        List<String> columns = rows("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = 'outbox_event' ORDER BY ordinal_position")
                .stream().map(row -> row.getString("column_name")).toList();
        assertThat(columns).startsWith("id", "position", "topic", "message_key", "event_type", "payload",
                "occurred_at", "published_at", "attempts", "last_error");
    }

    private List<Row> rows(String sql) {
        return StreamSupport.stream(pool.query(sql).execute().await().atMost(WAIT).spliterator(), false).toList();
    }
}
