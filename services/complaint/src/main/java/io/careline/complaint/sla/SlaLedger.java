package io.careline.complaint.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The append-only, hash-chained record of every clock transition. The transaction that makes a transition only
 * inserts its entry, unchained (no lock shared with any other transaction); the chainer links the entries in id order,
 * in batches, each batch in one transaction holding the chain's head row, so one chainer at a time writes the chain
 * whatever the number of replicas, and an entry is either pending or chained, never lost.
 */
@ApplicationScoped
public class SlaLedger {

    /** A transition to record: the clock as it stands after it, and what else the entry says. */
    public record Transition(LedgerEntryType type, SlaClock clock, Instant at, Map<String, Object> details) {
    }

    /**
     * The outcome of walking the chain; {@code firstBroken} is null when it holds. {@code pending} entries are
     * written but not chained yet (the oldest recorded at {@code oldestPendingAt}): a growing figure means the
     * chainer is not running.
     */
    public record Verification(boolean valid, long entries, long headSeq, Broken firstBroken, long pending, Instant oldestPendingAt) {
    }

    public record Broken(long seq, String reason) {
    }

    private static final Logger LOG = Logger.getLogger(SlaLedger.class);
    // canonical JSON: keys sorted, no whitespace; values are only strings and whole numbers
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();
    private static final int VERIFY_BATCH = 1000;
    private static final int COLUMNS = 7;
    // rows per INSERT: 7 parameters each, well under PostgreSQL's 65,535 per statement
    private static final int INSERT_CHUNK = 500;

    private final Clock clock;
    private final Pool pool;
    private final SlaConfig config;

    public SlaLedger(Clock clock, Pool pool, SlaConfig config) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    /** Inserts the transitions' entries, unchained, in order; call it inside the transaction that made them. */
    public Uni<Void> append(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<List<Object>> rows = new ArrayList<>();
        for (Transition transition : transitions) {
            SlaClock clock = transition.clock();
            rows.add(List.of(recordedAt.atOffset(ZoneOffset.UTC),
                    transition.at().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                    transition.type().name(), clock.id, clock.complaintId, clock.kind.name(), payload(recordedAt, transition)));
        }
        // a few multi-row INSERTs, one after the other (a chain of one Uni per entry would nest as deep as the batch
        // is long); the id sequence gives them their order
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(chunks(rows))
                .onItem().transformToUniAndConcatenate(chunk -> insert(session, chunk))
                .collect().asList())
                .replaceWithVoid();
    }

    @Scheduled(every = "${careline.sla.ledger.chain-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onTick() {
        return chainPending(config.ledger().chainBatchSize(), config.ledger().chainMaxBatches())
                .onFailure().invoke(e -> LOG.warnf("SLA ledger: chaining failed, the next tick retries: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Chains the pending entries, batch after batch, until a batch is not full or after maxBatches; returns how many. */
    public Uni<Integer> chainPending(int batchSize, int maxBatches) {
        return chainPending(batchSize, maxBatches, 0);
    }

    private Uni<Integer> chainPending(int batchSize, int batchesLeft, int chained) {
        return chainBatch(batchSize).chain(count -> count < batchSize || batchesLeft <= 1
                ? Uni.createFrom().item(chained + count)
                : chainPending(batchSize, batchesLeft - 1, chained + count));
    }

    /**
     * One batch in one transaction: holds the head row (a second chainer waits for it, then sees the batch done),
     * links up to {@code limit} pending entries in id order after the head, and moves the head to the last.
     */
    public Uni<Integer> chainBatch(int limit) {
        return pool.withTransaction(connection -> connection.query("SELECT seq, hash FROM sla_ledger_head WHERE id = 1 FOR UPDATE").execute()
                .map(rows -> rows.iterator().next())
                .chain(head -> connection.preparedQuery("SELECT id, payload FROM sla_ledger WHERE seq IS NULL ORDER BY id LIMIT $1")
                        .execute(Tuple.of(limit))
                        .chain(pending -> {
                            if (pending.size() == 0) {
                                return Uni.createFrom().item(0);
                            }
                            long seq = head.getLong("seq");
                            String hash = head.getString("hash");
                            int n = pending.size();
                            Long[] ids = new Long[n];
                            Long[] seqs = new Long[n];
                            String[] prevHashes = new String[n];
                            String[] hashes = new String[n];
                            int i = 0;
                            for (Row row : pending) {
                                ids[i] = row.getLong("id");
                                seqs[i] = ++seq;
                                prevHashes[i] = hash;
                                hash = LedgerHash.of(hash, row.getString("payload"));
                                hashes[i] = hash;
                                i++;
                            }
                            return connection.preparedQuery("""
                                    UPDATE sla_ledger l SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
                                    FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
                                    WHERE l.id = v.id""")
                                    .execute(Tuple.of(ids, seqs, prevHashes, hashes))
                                    .chain(() -> connection.preparedQuery("UPDATE sla_ledger_head SET seq = $1, hash = $2 WHERE id = 1")
                                            .execute(Tuple.of(seqs[n - 1], hashes[n - 1])))
                                    .replaceWith(n);
                        })));
    }

    private static List<List<List<Object>>> chunks(List<List<Object>> rows) {
        List<List<List<Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            chunks.add(rows.subList(from, Math.min(from + INSERT_CHUNK, rows.size())));
        }
        return chunks;
    }

    private static Uni<Integer> insert(Mutiny.Session session, List<List<Object>> rows) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO sla_ledger (recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind, payload)
                VALUES """);
        int parameter = 0;
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < COLUMNS; column++) {
                sql.append(column == 0 ? "?" : ", ?").append(++parameter);
            }
            sql.append(')');
        }
        Mutiny.MutationQuery insert = session.createNativeQuery(sql.toString());
        parameter = 0;
        for (List<Object> row : rows) {
            for (Object value : row) {
                insert.setParameter(++parameter, value);
            }
        }
        return insert.executeUpdate();
    }

    /**
     * The entry's canonical payload: the clock as it stands, the transition and its record time. (Entries chained
     * before V23 also carry their seq; a payload is now written before its place in the chain is known.)
     */
    static String payload(Instant recordedAt, Transition transition) {
        SlaClock clock = transition.clock();
        Map<String, Object> fields = new TreeMap<>();
        fields.put("recordedAt", recordedAt.toString());
        fields.put("type", transition.type().name());
        fields.put("at", transition.at().toString());
        fields.put("clockId", clock.id.toString());
        fields.put("complaintId", clock.complaintId.toString());
        fields.put("clock", clock.kind.name());
        fields.put("policyId", clock.policyId);
        put(fields, "calendarId", clock.calendarId);
        fields.put("targetSeconds", clock.targetSeconds);
        fields.put("state", clock.state.name());
        put(fields, "dueAt", clock.dueAt);
        put(fields, "assignee", clock.assignee);
        put(fields, "team", clock.team);
        transition.details().forEach((key, value) -> put(fields, key, value));
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ledger payload is plain strings and numbers", e);
        }
    }

    private static void put(Map<String, Object> fields, String key, Object value) {
        if (value == null) {
            return;
        }
        fields.put(key, value instanceof Number || value instanceof String ? value : value.toString());
    }

    /**
     * Walks the whole chain in order, on one snapshot (the chainer may commit meanwhile): each entry's sequence number
     * follows the one before, its prev_hash is the previous entry's hash, its hash is the recipe's over its stored
     * payload, its payload says what its columns say; and the head names the last entry. Reports the first entry that
     * breaks any of these, and how many entries wait to be chained.
     */
    public Uni<Verification> verify() {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> connection.query("SELECT seq, hash FROM sla_ledger_head WHERE id = 1").execute())
                .map(rows -> rows.iterator().next())
                .chain(head -> connection.query("SELECT count(*) AS n, min(recorded_at) AS oldest FROM sla_ledger WHERE seq IS NULL").execute()
                        .map(rows -> rows.iterator().next())
                        .chain(pending -> verifyFrom(connection, new Walk(head.getLong("seq"), head.getString("hash"),
                                pending.getLong("n"), pending.getOffsetDateTime("oldest") == null ? null : pending.getOffsetDateTime("oldest").toInstant()),
                                0, LedgerHash.GENESIS, 0))));
    }

    private record Walk(long headSeq, String headHash, long pending, Instant oldestPendingAt) {

        Verification broken(long entries, long seq, String reason) {
            return new Verification(false, entries, headSeq, new Broken(seq, reason), pending, oldestPendingAt);
        }
    }

    private Uni<Verification> verifyFrom(SqlClient connection, Walk walk, long afterSeq, String prevHash, long checked) {
        return connection.preparedQuery("""
                SELECT seq, recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind, payload, prev_hash, hash
                FROM sla_ledger WHERE seq > $1 ORDER BY seq LIMIT $2""")
                .execute(Tuple.of(afterSeq, VERIFY_BATCH))
                .chain(rows -> {
                    long expected = afterSeq + 1;
                    String previous = prevHash;
                    long count = checked;
                    for (Row row : rows) {
                        long seq = row.getLong("seq");
                        String payload = row.getString("payload");
                        String reason = null;
                        if (seq != expected) {
                            reason = "entries " + expected + (seq - 1 > expected ? "–" + (seq - 1) : "") + " are missing";
                        } else if (!previous.equals(row.getString("prev_hash"))) {
                            reason = "prev_hash is not the previous entry's hash";
                        } else if (!LedgerHash.of(previous, payload).equals(row.getString("hash"))) {
                            reason = "hash does not match prev_hash + payload: the entry was changed";
                        } else if (!columnsMatch(row, payload)) {
                            reason = "a column differs from the hashed payload";
                        }
                        if (reason != null) {
                            return Uni.createFrom().item(walk.broken(count, seq == expected ? seq : expected, reason));
                        }
                        previous = row.getString("hash");
                        expected++;
                        count++;
                    }
                    if (rows.size() == VERIFY_BATCH) {
                        return verifyFrom(connection, walk, expected - 1, previous, count);
                    }
                    long end = expected - 1;
                    if (end != walk.headSeq() || !previous.equals(walk.headHash())) {
                        // past the head: the first entry the chainer never wrote; short of it: the first one missing
                        return Uni.createFrom().item(walk.broken(count, end > walk.headSeq() ? walk.headSeq() + 1 : expected,
                                "the head names entry " + walk.headSeq() + " but the chain ends at " + end));
                    }
                    return Uni.createFrom().item(new Verification(true, count, walk.headSeq(), null, walk.pending(), walk.oldestPendingAt()));
                });
    }

    /** The columns the service selects by (and reports from) say what the hashed payload says. */
    private static boolean columnsMatch(Row row, String payload) {
        try {
            JsonNode fields = CANONICAL.readTree(payload);
            return (!fields.has("seq") || fields.get("seq").asLong() == row.getLong("seq"))
                    && fields.path("type").asText().equals(row.getString("entry_type"))
                    && fields.path("clockId").asText().equals(row.getUUID("clock_id").toString())
                    && fields.path("complaintId").asText().equals(row.getUUID("complaint_id").toString())
                    && fields.path("clock").asText().equals(row.getString("clock_kind"))
                    && Instant.parse(fields.path("at").asText()).equals(row.getOffsetDateTime("occurred_at").toInstant())
                    && Instant.parse(fields.path("recordedAt").asText()).equals(row.getOffsetDateTime("recorded_at").toInstant());
        } catch (JsonProcessingException | RuntimeException e) {
            return false; // a payload that is not the JSON the service wrote was changed
        }
    }

    /** A page of the chained entries recorded in [from, to), in chain order. */
    public Uni<List<LedgerEntry>> page(Instant from, Instant to, int page, int size) {
        return pool.preparedQuery("""
                SELECT seq, recorded_at, entry_type, payload, prev_hash, hash FROM sla_ledger
                WHERE seq IS NOT NULL AND recorded_at >= $1 AND recorded_at < $2 ORDER BY seq LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), size, (long) page * size))
                .map(rows -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    public Uni<Long> count(Instant from, Instant to) {
        return pool.preparedQuery("SELECT count(*) FROM sla_ledger WHERE seq IS NOT NULL AND recorded_at >= $1 AND recorded_at < $2")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Every entry of the first-reply clocks started in [from, to), whenever recorded, chained or not, in the order
     * written (a clock's entries are written one transaction after the other, under its row lock): what a month's
     * compliance report replays.
     */
    public Uni<List<LedgerEntry>> firstReplyClocksStarted(Instant from, Instant to) {
        return pool.preparedQuery("""
                SELECT l.seq, l.recorded_at, l.entry_type, l.payload, l.prev_hash, l.hash FROM sla_ledger l
                WHERE l.clock_id IN (SELECT s.clock_id FROM sla_ledger s WHERE s.entry_type = 'STARTED'
                                     AND s.clock_kind = 'FIRST_REPLY' AND s.occurred_at >= $1 AND s.occurred_at < $2)
                ORDER BY l.id""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    private static LedgerEntry entry(Row row) {
        return new LedgerEntry(row.getLong("seq"), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("entry_type"), row.getString("payload"), row.getString("prev_hash"), row.getString("hash"));
    }
}
