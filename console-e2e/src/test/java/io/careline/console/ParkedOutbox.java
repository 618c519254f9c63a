package io.careline.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The complaint service's outbox table, written directly: the tests need parked events, and an event parks only
 * after the relay failed on it many times. Each event has a key of its own and a topic that does not exist, so it
 * holds back nothing else and can never actually be published.
 */
final class ParkedOutbox implements AutoCloseable {

    private static final String URL = System.getProperty("careline.complaint.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/careline_complaint");

    private final Connection connection;

    ParkedOutbox() {
        try {
            connection = DriverManager.getConnection(URL, "careline", "careline");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the complaint database at " + URL, e);
        }
    }

    record Parked(UUID id, long position) {
    }

    /** A parked event whose envelope says it occurred at {@code occurredAt}. */
    Parked park(Instant occurredAt) {
        UUID id = UUID.randomUUID();
        String key = "C-E2E-" + id.toString().substring(0, 8);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at, attempts, last_error,
                                          last_attempt_at, parked_at)
                VALUES (?, 'careline.console-e2e.no-such-topic', ?, 'io.careline.complaint.ComplaintReceived',
                        '{}'::jsonb, ?, 10, 'UNKNOWN_TOPIC_OR_PARTITION: the topic does not exist', now(), now())
                RETURNING position""")) {
            insert.setObject(1, id);
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(occurredAt));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new Parked(id, rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isParked(UUID id) {
        return query("SELECT id FROM outbox_event WHERE id = ? AND parked_at IS NOT NULL", id).isPresent();
    }

    /** Who discarded the event, if anyone did. */
    Optional<String> discardedBy(UUID id) {
        return query("SELECT discarded_by FROM outbox_event WHERE id = ?", id);
    }

    /** Gives the event up behind the console's back, as another admin would; also how each test cleans up. */
    void discard(UUID id) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET discarded_at = now(), discarded_by = 'console-e2e' WHERE id = ? AND discarded_at IS NULL")) {
            update.setObject(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> query(String sql, UUID id) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
