package io.careline.outbox;

import io.careline.outbox.core.OutboxMetrics;
import io.careline.outbox.core.PendingEvent;
import io.careline.outbox.core.BatchPublisher;
import io.careline.outbox.core.RelayWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes outbox rows to Kafka, in order per message key (the customer id), at least once.
 *
 * <p>One relay works at a time across replicas: it holds a session-level advisory lock on a connection of its own,
 * which also LISTENs for the NOTIFY that an insert into outbox_event sends at commit. A pass reads the oldest
 * eligible events, hands them to {@link BatchPublisher} (pipelined sends, per-key hold-back, the outcome of each
 * event), then marks the published ones in one UPDATE and records the failures in one more. Passes run one after
 * another on the relay's own thread ({@link RelayWorker}); polling is the safety net. An event that fails holds back
 * only the later events of its own key: it is retried with exponential back-off, and parked after its attempts or at
 * once when retrying cannot help, until an operator retries or discards it.
 */
public final class OutboxRelay extends RelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant that no other advisory lock in this database uses. */
    static final long LOCK = 0x6361_7265_6c6f_7574L;
    /** The channel the V2 migration's trigger NOTIFYs on insert. */
    static final String CHANNEL = "outbox_event";
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Events not published, not discarded, not parked, not backing off, and with no earlier event of their key that
     * is parked or backing off (found through the small index of events that failed at least once).
     */
    private static final String SELECT_BATCH = """
            SELECT e.id, e.topic, e.message_key, e.event_type, e.payload::text AS payload, e.occurred_at, e.attempts,
                   e.traceparent
            FROM outbox_event e
            WHERE e.published_at IS NULL AND e.discarded_at IS NULL AND e.parked_at IS NULL
              AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox_event b
                              WHERE b.message_key = e.message_key AND b.position < e.position
                                AND b.published_at IS NULL AND b.discarded_at IS NULL AND b.attempts > 0
                                AND (b.parked_at IS NOT NULL OR b.next_attempt_at > now()))
            ORDER BY e.position
            LIMIT $1""";

    private static final String RECORD_FAILURES = """
            UPDATE outbox_event o
            SET attempts = o.attempts + 1, last_error = f.error, last_attempt_at = now(),
                next_attempt_at = CASE WHEN f.park THEN NULL ELSE now() + f.delay_ms * interval '1 millisecond' END,
                parked_at = CASE WHEN f.park THEN now() END
            FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::boolean[]) AS f(id, error, delay_ms, park)
            WHERE o.id = f.id""";

    /**
     * Milliseconds until the earliest event backing off is due (through the small index of failed events); null if none.
     * Only future ones: an event already due but held back by an earlier one of its key must not make the relay spin.
     */
    private static final String NEXT_RETRY = """
            SELECT ceil(extract(epoch FROM min(next_attempt_at) - now()) * 1000)::bigint
            FROM outbox_event
            WHERE published_at IS NULL AND discarded_at IS NULL AND attempts > 0 AND parked_at IS NULL
              AND next_attempt_at > now()""";

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final BatchPublisher publisher;
    private final OutboxMetrics metrics;

    private volatile PgConnection connection;

    OutboxRelay(String name, Vertx vertx, PgConnectOptions database, BatchPublisher publisher, OutboxConfig config,
            OutboxMetrics metrics) {
        super(name, config);
        this.vertx = vertx;
        this.database = database;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    protected Long nextRetryMillis() {
        return connection().query(NEXT_RETRY).execute().await().atMost(DATABASE_TIMEOUT).iterator().next().getLong(0);
    }

    @Override
    protected void acquire() {
        PgConnection current = connection;
        if (current == null) {
            PgConnection opened = PgConnection.connect(vertx, database).await().atMost(DATABASE_TIMEOUT);
            opened.closeHandler(() -> lost(opened));
            opened.notificationHandler(notification -> wake());
            connection = opened;
            current = opened;
        }
        boolean locked = current.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK))
                .await().atMost(DATABASE_TIMEOUT).iterator().next().getBoolean(0);
        if (locked) {
            current.query("LISTEN " + CHANNEL).execute().await().atMost(DATABASE_TIMEOUT);
            active(true);
            LOG.infof("%s holds the outbox relay lock and publishes", name);
        }
    }

    /** The lock went with the connection: another replica may take over, so this one stops publishing at once. */
    private void lost(PgConnection closed) {
        if (connection != closed) {
            return;
        }
        connection = null;
        boolean wasActive = isActive();
        active(false);
        if (running() && wasActive) {
            LOG.warnf("%s lost its database connection and the relay lock; it publishes nothing until it holds the lock again", name);
        }
    }

    @Override
    protected void release() {
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            // closing the session releases the advisory lock and the LISTEN
            current.close().await().atMost(DATABASE_TIMEOUT);
        }
        publisher.close(Duration.ofSeconds(5));
    }

    @Override
    protected int pass() {
        long started = System.nanoTime();
        List<PendingEvent> batch = select();
        if (batch.isEmpty()) {
            return 0;
        }
        BatchPublisher.Outcome outcome = publisher.publish(batch, started, this::mayGoOn);
        markPublished(outcome.published());
        if (outcome.outage()) {
            pause(outcome.pauseMillis());
        } else {
            recordFailures(outcome.failures());
        }
        return batch.size();
    }

    private List<PendingEvent> select() {
        List<PendingEvent> batch = new ArrayList<>();
        for (Row row : connection().preparedQuery(SELECT_BATCH).execute(Tuple.of(config.batchSize()))
                .await().atMost(DATABASE_TIMEOUT)) {
            batch.add(new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("message_key"),
                    row.getString("event_type"), row.getString("payload"), row.getOffsetDateTime("occurred_at").toInstant(),
                    row.getInteger("attempts"), row.getString("traceparent")));
        }
        return batch;
    }

    private PgConnection connection() {
        PgConnection current = connection;
        if (current == null) {
            throw new IllegalStateException("the relay's database connection is closed");
        }
        return current;
    }

    private void markPublished(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        UUID[] ids = events.stream().map(PendingEvent::id).toArray(UUID[]::new);
        connection().preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids)).await().atMost(DATABASE_TIMEOUT);
        metrics.published(ids.length);
    }

    private void recordFailures(List<BatchPublisher.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        int size = failures.size();
        UUID[] ids = new UUID[size];
        String[] errors = new String[size];
        Long[] delays = new Long[size];
        Boolean[] parks = new Boolean[size];
        for (int i = 0; i < size; i++) {
            BatchPublisher.Failure failure = failures.get(i);
            ids[i] = failure.event().id();
            errors[i] = failure.error();
            delays[i] = failure.delayMillis();
            parks[i] = failure.park();
        }
        connection().preparedQuery(RECORD_FAILURES).execute(Tuple.of(ids, errors, delays, parks)).await().atMost(DATABASE_TIMEOUT);
    }
}
