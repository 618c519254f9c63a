package io.careline.complaint.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Runs the SLA code as the service does (on a Vert.x context, in a transaction) and reads what it stored. */
final class SlaTestSupport {

    private SlaTestSupport() {
    }

    /** Runs the work in one transaction on a Vert.x context, as the lifecycle's calls would, and waits for it. */
    static <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Links every entry written so far into the chain, as the scheduled chainer would. */
    static int chained(SlaLedger ledger) {
        return await(() -> ledger.chainPending(500, Integer.MAX_VALUE));
    }

    static SlaSubject subject(String category, String priority, String channel, Instant receivedAt) {
        UUID id = UUID.randomUUID();
        return new SlaSubject(id, "CMP-T" + id.toString().substring(0, 6).toUpperCase(), "C-SLA-" + id.toString().substring(0, 8),
                category, priority, channel, receivedAt);
    }

    static Row clock(Pool pool, UUID complaintId, ClockKind kind) {
        return pool.preparedQuery("SELECT * FROM sla_clock WHERE complaint_id = $1 AND kind = $2")
                .execute(Tuple.of(complaintId, kind.name())).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }

    /** The outbox events of this complaint, by type, in the order written. */
    static List<String> eventTypes(Pool pool, UUID complaintId) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("SELECT payload->>'type' AS type FROM outbox_event WHERE payload->'data'->>'complaintId' = $1 ORDER BY position")
                .execute(Tuple.of(complaintId.toString())).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> types.add(row.getString("type")));
        return types;
    }

    static List<String> ledgerTypes(Pool pool, UUID complaintId) {
        List<String> types = new ArrayList<>();
        pool.preparedQuery("SELECT clock_kind || ':' || entry_type AS t FROM sla_ledger WHERE complaint_id = $1 ORDER BY id")
                .execute(Tuple.of(complaintId)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> types.add(row.getString("t")));
        return types;
    }
}
