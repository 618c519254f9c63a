package io.careline.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * eligible events, hands them all to the producer without waiting for each acknowledgement (the idempotent producer
 * keeps their order per partition), waits for the acknowledgements, then marks the published ones in one UPDATE.
 * Passes run one after another on the relay's own thread (they never overlap); a full batch or a NOTIFY that arrived
 * meanwhile starts the next one at once; polling is the safety net. An event that fails holds back only the later
 * events of its own key: it is retried with exponential back-off, and parked after its attempts or at once when
 * retrying cannot help, until an operator retries or discards it.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant that no other advisory lock in this database uses. */
    static final long LOCK = 0x6361_7265_6c6f_7574L;
    /** The channel the V2 migration's trigger NOTIFYs on insert. */
    static final String CHANNEL = "outbox_event";
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_LENGTH = 1000;

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

    private record PendingEvent(UUID id, String topic, String key, String type, String payload, OffsetDateTime occurredAt,
            int attempts, String traceparent) {
    }

    private final String name;
    private final Vertx vertx;
    private final PgConnectOptions database;
    private final Map<String, Object> producerSettings;
    private final Map<String, Object> adminSettings;
    private final OutboxConfig config;
    private final TopicNamespace topics;
    private final String source;
    private final OutboxMetrics metrics;
    private final RetryPolicy retry;
    private final Duration sendWindow;

    // a NOTIFY, a stop or an operator's retry while a pass runs leaves one token: one more pass follows, not one each
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private volatile boolean active;
    private volatile PgConnection connection;
    private Thread worker;

    // the relay thread's own
    private Producer<String, String> producer;
    private Admin admin;
    private long pausedUntil;
    // when the earliest event backing off is due (System.nanoTime), 0 when none is: its retry need not wait for the
    // next NOTIFY or poll
    private long retryAt;
    private int outages;

    OutboxRelay(String name, Vertx vertx, PgConnectOptions database, Map<String, Object> producerSettings,
            Map<String, Object> adminSettings, OutboxConfig config, TopicNamespace topics, String source,
            OutboxMetrics metrics) {
        this.name = name;
        this.vertx = vertx;
        this.database = database;
        this.producerSettings = producerSettings;
        this.adminSettings = adminSettings;
        this.config = config;
        this.topics = topics;
        this.source = source;
        this.metrics = metrics;
        this.retry = new RetryPolicy(config.maxAttempts(), config.backoff().initial(), config.backoff().max());
        this.sendWindow = ProducerSettings.sendWindow(producerSettings, config);
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets a pass in progress finish (it sends nothing more), then releases the lock. */
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            worker = null;
        }
        if (stopping == null) {
            return;
        }
        wake();
        try {
            stopping.join(config.passDeadline().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance holds the relay lock, i.e. is the one relay that publishes. */
    public boolean isActive() {
        return active;
    }

    private void wake() {
        wake.offer(Boolean.TRUE);
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (!active) {
                        acquire();
                    }
                    if (active && System.nanoTime() - pausedUntil >= 0) {
                        drain();
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warnf("outbox relay pass failed, will try again: %s", e.toString());
                    }
                }
                awaitWake();
            }
        } finally {
            release();
        }
    }

    private void awaitWake() {
        if (!running) {
            return;
        }
        long wait = config.pollInterval().toNanos();
        long paused = pausedUntil - System.nanoTime();
        if (active && paused > 0) {
            wait = paused;
        } else if (active && retryAt != 0) {
            wait = Math.min(wait, Math.max(0, retryAt - System.nanoTime()));
        }
        try {
            wake.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void drain() {
        int selected;
        do {
            wake.clear(); // what committed until now, this pass sees
            selected = pass();
        } while (selected == config.batchSize() && running && active && System.nanoTime() - pausedUntil >= 0);
        scheduleRetry();
    }

    /** Wakes the relay when the earliest event backing off is due, not only at the next NOTIFY or poll. */
    private void scheduleRetry() {
        if (!running || !active) {
            return;
        }
        Long dueInMillis = connection().query(NEXT_RETRY).execute().await().atMost(DATABASE_TIMEOUT)
                .iterator().next().getLong(0);
        retryAt = dueInMillis == null ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, dueInMillis));
    }

    private void acquire() {
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
            active = true;
            LOG.infof("%s holds the outbox relay lock and publishes", name);
        }
    }

    /** The lock went with the connection: another replica may take over, so this one stops publishing at once. */
    private void lost(PgConnection closed) {
        if (connection != closed) {
            return;
        }
        connection = null;
        boolean wasActive = active;
        active = false;
        if (running && wasActive) {
            LOG.warnf("%s lost its database connection and the relay lock; it publishes nothing until it holds the lock again", name);
        }
    }

    private void release() {
        PgConnection current = connection;
        connection = null;
        active = false;
        if (current != null) {
            // closing the session releases the advisory lock and the LISTEN
            current.close().await().atMost(DATABASE_TIMEOUT);
        }
        closeProducer(Duration.ofSeconds(5));
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    /** One pass: read a batch, send it whole, wait for the acknowledgements, record the outcome. The number read. */
    private int pass() {
        long started = System.nanoTime();
        List<PendingEvent> batch = select();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<PendingEvent, CompletableFuture<RecordMetadata>> sent = new LinkedHashMap<>();
        Map<PendingEvent, Throwable> failed = new LinkedHashMap<>();
        Set<String> heldKeys = new HashSet<>();
        Map<String, Throwable> heldTopics = new HashMap<>();
        for (PendingEvent event : batch) {
            if (!running || !active || System.nanoTime() - started > sendWindow.toNanos()) {
                break; // the rest waits for the next pass
            }
            if (heldKeys.contains(event.key())) {
                continue; // an earlier event of this key failed in this pass: the later ones must not overtake it
            }
            Throwable topicFailure = heldTopics.get(event.topic());
            if (topicFailure != null) {
                failed.put(event, topicFailure);
                heldKeys.add(event.key());
                continue;
            }
            CompletableFuture<RecordMetadata> ack = send(event);
            if (ack.isCompletedExceptionally()) {
                // refused before it left (too large, or no metadata for its topic within max.block.ms)
                Throwable failure = failureOf(ack);
                failed.put(event, failure);
                heldKeys.add(event.key());
                if (failure instanceof TimeoutException) {
                    heldTopics.put(event.topic(), failure); // don't block max.block.ms again for each event
                }
            } else {
                sent.put(event, ack);
            }
        }
        awaitAcknowledgements(sent.values(), started);

        List<UUID> published = new ArrayList<>();
        boolean unsettled = false;
        for (Map.Entry<PendingEvent, CompletableFuture<RecordMetadata>> entry : sent.entrySet()) {
            CompletableFuture<RecordMetadata> ack = entry.getValue();
            if (!ack.isDone()) {
                unsettled = true;
            } else if (ack.isCompletedExceptionally()) {
                failed.put(entry.getKey(), failureOf(ack));
            } else {
                published.add(entry.getKey().id());
            }
        }
        if (unsettled) {
            // cannot happen while the startup check holds; a fresh producer makes sure a late delivery of these events
            // cannot overtake their next attempt
            LOG.warnf("%s: some events were neither acknowledged nor failed at the pass deadline; they will be sent again", name);
            closeProducer(Duration.ZERO);
        }
        markPublished(published);
        recordFailures(failed, published.isEmpty());
        return batch.size();
    }

    private List<PendingEvent> select() {
        List<PendingEvent> batch = new ArrayList<>();
        for (Row row : connection().preparedQuery(SELECT_BATCH).execute(Tuple.of(config.batchSize()))
                .await().atMost(DATABASE_TIMEOUT)) {
            batch.add(new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("message_key"),
                    row.getString("event_type"), row.getString("payload"), row.getOffsetDateTime("occurred_at"),
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

    private CompletableFuture<RecordMetadata> send(PendingEvent event) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.topic(event.topic()), null, event.key(),
                event.payload(), headers(event));
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void awaitAcknowledgements(java.util.Collection<CompletableFuture<RecordMetadata>> acks, long started) {
        long left = config.passDeadline().toNanos() - (System.nanoTime() - started);
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // each event's own outcome is read afterwards
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> ack) {
        try {
            ack.join();
            throw new IllegalStateException("not a failed acknowledgement");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /**
     * CloudEvents' Kafka binding in binary mode: attributes as ce_ headers, the envelope as the value, untouched; and
     * the writer's trace context, when it had one.
     */
    private Headers headers(PendingEvent event) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8(event.id().toString()));
        headers.add("ce_type", utf8(event.type()));
        headers.add("ce_source", utf8(source));
        headers.add("ce_subject", utf8(event.key()));
        headers.add("ce_time", utf8(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())));
        headers.add("content-type", utf8("application/json"));
        if (event.traceparent() != null) {
            headers.add("traceparent", utf8(event.traceparent()));
        }
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private void markPublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        connection().preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().atMost(DATABASE_TIMEOUT);
        metrics.published(ids.size());
    }

    private void recordFailures(Map<PendingEvent, Throwable> failed, boolean nothingPublished) {
        if (failed.isEmpty()) {
            outages = 0;
            return;
        }
        failed.values().forEach(metrics::failedAttempt);
        if (nothingPublished && failed.values().stream().noneMatch(RetryPolicy::permanent) && !brokerAnswers()) {
            // a broker outage is not the events' fault: they keep their attempts, and the whole relay waits instead
            long delay = retry.delayMillis(++outages, ThreadLocalRandom.current().nextDouble());
            pausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
            if (outages == 1) {
                LOG.warnf("%s: Kafka does not answer; %d events wait in the outbox, the relay tries again with back-off",
                        name, failed.size());
            }
            return;
        }
        outages = 0;
        int size = failed.size();
        UUID[] ids = new UUID[size];
        String[] errors = new String[size];
        Long[] delays = new Long[size];
        Boolean[] parks = new Boolean[size];
        int i = 0;
        for (Map.Entry<PendingEvent, Throwable> entry : failed.entrySet()) {
            PendingEvent event = entry.getKey();
            Throwable failure = entry.getValue();
            int attempts = event.attempts() + 1;
            ids[i] = event.id();
            String error = failure.getClass().getName() + ": " + failure.getMessage();
            errors[i] = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
            parks[i] = retry.park(attempts, failure);
            delays[i] = retry.delayMillis(attempts, ThreadLocalRandom.current().nextDouble());
            if (parks[i]) {
                LOG.warnf("outbox event %s (key %s) parked after %d attempt(s): %s; the later events of its key wait for an operator",
                        event.id(), event.key(), attempts, errors[i]);
            }
            i++;
        }
        connection().preparedQuery(RECORD_FAILURES).execute(Tuple.of(ids, errors, delays, parks)).await().atMost(DATABASE_TIMEOUT);
        Map.Entry<PendingEvent, Throwable> first = failed.entrySet().iterator().next();
        if (!parks[0] || size > 1) {
            LOG.infof("%s: %d event(s) not published this pass, to be tried again after a back-off or parked (first %s: %s)",
                    name, size, first.getKey().id(), first.getValue().toString());
        }
    }

    private boolean brokerAnswers() {
        try {
            if (admin == null) {
                admin = Admin.create(adminSettings);
            }
            int timeout = (int) ProducerSettings.millis(producerSettings, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes().get(timeout, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }
}
