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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The append-only, hash-chained record of every clock transition. Appends run inside the transaction that makes the
 * transition and lock the chain's head row first, so concurrent transactions append one after another to one chain.
 */
@ApplicationScoped
public class SlaLedger {

    /** A transition to record: the clock as it stands after it, and what else the entry says. */
    public record Transition(LedgerEntryType type, SlaClock clock, Instant at, Map<String, Object> details) {
    }

    /** The outcome of walking the chain; {@code firstBroken} is null when it holds. */
    public record Verification(boolean valid, long entries, long headSeq, Broken firstBroken) {
    }

    public record Broken(long seq, String reason) {
    }

    // canonical JSON: keys sorted, no whitespace; values are only strings and whole numbers
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();
    private static final int VERIFY_BATCH = 1000;
    private static final int COLUMNS = 10;
    // rows per INSERT: 10 parameters each, well under PostgreSQL's 65,535 per statement
    private static final int INSERT_CHUNK = 500;

    private final Clock clock;
    private final Pool pool;

    public SlaLedger(Clock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
    }

    /** Appends the transitions in order; call it inside the transaction that made them (a Panache session). */
    public Uni<Void> append(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(session -> session
                .<Object[]> createNativeQuery("SELECT seq, hash FROM sla_ledger_head WHERE id = 1 FOR UPDATE", Object[].class)
                .getSingleResult()
                .chain(head -> {
                    long seq = ((Number) head[0]).longValue();
                    String hash = (String) head[1];
                    List<List<Object>> rows = new ArrayList<>();
                    for (Transition transition : transitions) {
                        seq++;
                        String payload = payload(seq, recordedAt, transition);
                        String prevHash = hash;
                        hash = LedgerHash.of(prevHash, payload);
                        SlaClock clock = transition.clock();
                        rows.add(List.of(seq, recordedAt.atOffset(ZoneOffset.UTC),
                                transition.at().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC),
                                transition.type().name(), clock.id, clock.complaintId, clock.kind.name(), payload, prevHash, hash));
                    }
                    long lastSeq = seq;
                    String lastHash = hash;
                    // a few multi-row INSERTs, one after the other (a chain of one Uni per entry would nest as deep
                    // as the batch is long)
                    return Multi.createFrom().iterable(chunks(rows))
                            .onItem().transformToUniAndConcatenate(chunk -> insert(session, chunk))
                            .collect().asList()
                            .chain(() -> session.createNativeQuery("UPDATE sla_ledger_head SET seq = ?1, hash = ?2 WHERE id = 1")
                                    .setParameter(1, lastSeq).setParameter(2, lastHash).executeUpdate());
                }))
                .replaceWithVoid();
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
                INSERT INTO sla_ledger (seq, recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind,
                    payload, prev_hash, hash) VALUES """);
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

    /** The entry's canonical payload: the clock as it stands, the transition, its sequence number and record time. */
    static String payload(long seq, Instant recordedAt, Transition transition) {
        SlaClock clock = transition.clock();
        Map<String, Object> fields = new TreeMap<>();
        fields.put("seq", seq);
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
     * Walks the whole chain in order: each entry's sequence number follows the one before, its prev_hash is the
     * previous entry's hash, its hash is the recipe's over its stored payload, its payload names its own sequence
     * number; and the head names the last entry. Reports the first entry that breaks any of these.
     */
    public Uni<Verification> verify() {
        return pool.query("SELECT seq, hash FROM sla_ledger_head WHERE id = 1").execute()
                .map(rows -> rows.iterator().next())
                .chain(head -> verifyFrom(0, LedgerHash.GENESIS, 0, head.getLong("seq"), head.getString("hash")));
    }

    private Uni<Verification> verifyFrom(long afterSeq, String prevHash, long checked, long headSeq, String headHash) {
        return pool.preparedQuery("""
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
                            return Uni.createFrom().item(new Verification(false, count, headSeq, new Broken(seq == expected ? seq : expected, reason)));
                        }
                        previous = row.getString("hash");
                        expected++;
                        count++;
                    }
                    if (rows.size() == VERIFY_BATCH) {
                        return verifyFrom(expected - 1, previous, count, headSeq, headHash);
                    }
                    if (expected - 1 != headSeq || !previous.equals(headHash)) {
                        return Uni.createFrom().item(new Verification(false, count, headSeq, new Broken(expected,
                                "the head names entry " + headSeq + " but the chain ends at " + (expected - 1))));
                    }
                    return Uni.createFrom().item(new Verification(true, count, headSeq, null));
                });
    }

    /** The columns the service selects by (and reports from) say what the hashed payload says. */
    private static boolean columnsMatch(Row row, String payload) {
        try {
            JsonNode fields = CANONICAL.readTree(payload);
            return fields.path("seq").asLong() == row.getLong("seq")
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

    /** A page of entries recorded in [from, to), in chain order. */
    public Uni<List<LedgerEntry>> page(Instant from, Instant to, int page, int size) {
        return pool.preparedQuery("""
                SELECT seq, recorded_at, entry_type, payload, prev_hash, hash FROM sla_ledger
                WHERE recorded_at >= $1 AND recorded_at < $2 ORDER BY seq LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), size, (long) page * size))
                .map(rows -> {
                    List<LedgerEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(entry(row)));
                    return entries;
                });
    }

    public Uni<Long> count(Instant from, Instant to) {
        return pool.preparedQuery("SELECT count(*) FROM sla_ledger WHERE recorded_at >= $1 AND recorded_at < $2")
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Every entry of the first-reply clocks started in [from, to), whenever recorded, in chain order: what a month's
     * compliance report replays.
     */
    public Uni<List<LedgerEntry>> firstReplyClocksStarted(Instant from, Instant to) {
        return pool.preparedQuery("""
                SELECT l.seq, l.recorded_at, l.entry_type, l.payload, l.prev_hash, l.hash FROM sla_ledger l
                WHERE l.clock_id IN (SELECT s.clock_id FROM sla_ledger s WHERE s.entry_type = 'STARTED'
                                     AND s.clock_kind = 'FIRST_REPLY' AND s.occurred_at >= $1 AND s.occurred_at < $2)
                ORDER BY l.seq""")
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
