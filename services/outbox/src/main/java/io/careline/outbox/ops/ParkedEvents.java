package io.careline.outbox.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.careline.service.rest.PageView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The operator's view of parked events: list them, send one again, or give one up. */
@ApplicationScoped
public class ParkedEvents {

    private static final String PARKED = "parked_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL";

    private final Pool pool;

    public ParkedEvents(Pool pool) {
        this.pool = pool;
    }

    public Uni<PageView<ParkedEvent>> page(int page, int size) {
        Uni<List<ParkedEvent>> items = pool.preparedQuery("""
                SELECT id, position, topic, message_key, event_type, occurred_at, attempts, last_error, last_attempt_at, parked_at
                FROM outbox_event WHERE %s ORDER BY position LIMIT $1 OFFSET $2""".formatted(PARKED))
                .execute(Tuple.of(size, (long) page * size))
                .map(rows -> {
                    List<ParkedEvent> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new ParkedEvent(row.getUUID("id"), row.getLong("position"), row.getString("topic"),
                                row.getString("message_key"), row.getString("event_type"),
                                row.getOffsetDateTime("occurred_at").toInstant(), row.getInteger("attempts"),
                                row.getString("last_error"), row.getOffsetDateTime("last_attempt_at").toInstant(),
                                row.getOffsetDateTime("parked_at").toInstant()));
                    }
                    return found;
                });
        Uni<Long> total = pool.query("SELECT count(*) FROM outbox_event WHERE " + PARKED).execute()
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(items, total).asTuple()
                .map(both -> new PageView<>(both.getItem1(), page, size, both.getItem2()));
    }

    /** The event gets a fresh series of attempts; the relay is woken to send it, then the rest of its key. */
    public Uni<Void> retry(UUID id) {
        return change(id, "parked_at = NULL, next_attempt_at = NULL, attempts = 0", Tuple.of(id));
    }

    /** The event is never sent; the row stays, marked with who gave it up and when, and its key flows again. */
    public Uni<Void> discard(UUID id, String operator) {
        return change(id, "discarded_at = now(), discarded_by = $2", Tuple.of(id, operator));
    }

    private Uni<Void> change(UUID id, String assignments, Tuple parameters) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("UPDATE outbox_event SET " + assignments + " WHERE id = $1 AND " + PARKED)
                .execute(parameters)
                .chain(rows -> rows.rowCount() == 1
                        ? notifyRelay(connection)
                        : Uni.createFrom().failure(new NotFoundException("no parked outbox event " + id))));
    }

    private static Uni<Void> notifyRelay(SqlConnection connection) {
        // delivered at commit, like the insert trigger's
        return connection.query("NOTIFY outbox_event").execute().replaceWithVoid();
    }
}
