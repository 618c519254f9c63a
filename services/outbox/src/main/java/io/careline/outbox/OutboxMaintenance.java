package io.careline.outbox;

import io.careline.outbox.core.OutboxMetrics;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox's gauges, refreshed every few seconds from the partial indexes, and the deletion of old rows. */
@ApplicationScoped
public class OutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(OutboxMaintenance.class);

    private final Pool pool;
    private final OutboxMetrics metrics;
    private final OutboxConfig config;

    public OutboxMaintenance(Pool pool, OutboxMetrics metrics, OutboxConfig config) {
        this.pool = pool;
        this.metrics = metrics;
        this.config = config;
    }

    @Scheduled(every = "${careline.outbox.metrics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refreshGauges() {
        // each sub-query reads one partial index: pending (published_at IS NULL AND discarded_at IS NULL) or parked
        return pool.query("""
                SELECT (SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND discarded_at IS NULL) AS pending,
                       (SELECT (extract(epoch FROM now() - occurred_at) * 1000)::bigint FROM outbox_event
                        WHERE published_at IS NULL AND discarded_at IS NULL ORDER BY position LIMIT 1) AS oldest_ms,
                       (SELECT count(*) FROM outbox_event
                        WHERE parked_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL) AS parked""")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    Long oldest = row.getLong("oldest_ms");
                    metrics.refresh(row.getLong("pending"), oldest == null ? 0 : Math.max(oldest, 0), row.getLong("parked"));
                })
                .onFailure().invoke(e -> LOG.debugf("outbox gauges not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Published and discarded events are kept a while for inspection and replay, then deleted. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> deleteOld() {
        // the cutoff is bound as a timestamp: the client cannot bind a text parameter as an interval
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return pool.preparedQuery("""
                DELETE FROM outbox_event WHERE published_at < $1 OR discarded_at < $1""")
                .execute(Tuple.of(cutoff))
                .invoke(rows -> LOG.debugf("deleted %d old outbox events", rows.rowCount()))
                .replaceWithVoid();
    }
}
