# opt-in: seeds 100,000 messages into the stack's notification database; the Mongo-wire stand-in may not survive it
# Inbox cost against history (issue 9): GET /api/v1/me/inbox?size=20 at a fixed arrival rate (open model) for a
# customer with 100,000 messages and for one with 10, beside the Mongo-wire stand-in's raw rate for the same reads
# (the keyset page query and the summary lookup, straight from the driver, one after the other), in the same run.
#
# Seeds directly in MongoDB, once (a later run finds the messages and adds none): carol (C-1003) gets the long
# history, bob (C-1002) is topped up to 10 if he has fewer (the realm has no customer reserved for benchmarks).
# Settings: BENCH_INBOX_RATE (default 20/s), BENCH_INBOX_HISTORY (default 100000), BENCH_NOTIFICATION (default
# http://127.0.0.1:8084) with BENCH_MONGO / BENCH_NOTIFICATION_DB, to run it against another instance and database.
#
# Mind the stand-in: mongo-java-server ignores the compound index, so each page read scans the collection and sorts the
# customer's messages in memory. With 100,000 messages in it, a stand-in with a 512 MiB heap answered reads in 10-40 s
# (services/notification/README.md); the stack's runs with -Xmx256m. Run this where losing that server is acceptable.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

NOTIFICATION=${BENCH_NOTIFICATION:-http://$HOST:8084}
MONGO=${BENCH_MONGO:-mongodb://$HOST:27017}
DB=${BENCH_NOTIFICATION_DB:-careline_notification}
RATE=${BENCH_INBOX_RATE:-20}
HISTORY=${BENCH_INBOX_HISTORY:-100000}
OPEN_SECONDS=$(quick_or 20 5)
WARMUP=$(quick_or 3 2)
RAW_SECONDS=$(quick_or 10 3)
LONG=C-1003 LONG_USER=carol
SHORT=C-1002 SHORT_USER=bob

port_open "${NOTIFICATION##*:}" || die "the notification service is not listening at $NOTIFICATION"

# The seeding and the raw baseline, with the driver the service ships with (mongo_jars), run from source.
tool=$BENCH_OUT/InboxHistory.java
cat >"$tool" <<'JAVA'
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** seed URI DB CUSTOMER N: tops the customer's inbox up to N messages. raw URI DB CUSTOMER SECONDS: reads/s, p50/p99. */
public class InboxHistory {
    public static void main(String[] a) {
        try (MongoClient client = MongoClients.create(a[1])) {
            MongoDatabase db = client.getDatabase(a[2]);
            MongoCollection<Document> messages = db.getCollection("inbox_message");
            MongoCollection<Document> summaries = db.getCollection("inbox_summary");
            if (a[0].equals("seed")) {
                seed(messages, summaries, a[3], Integer.parseInt(a[4]));
            } else {
                raw(messages, summaries, a[3], Double.parseDouble(a[4]));
            }
        }
    }

    static void seed(MongoCollection<Document> messages, MongoCollection<Document> summaries, String customer, int target) {
        long have = messages.countDocuments(Filters.eq("customerId", customer));
        long start = System.nanoTime();
        int added = 0;
        // oldest first, a millisecond apart, ending an hour ago: the live messages stay on top
        Instant first = Instant.now().minusSeconds(3600).minusMillis(target);
        while (have + added < target) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 1000 && have + added + i < target; i++) {
                Instant at = first.plusMillis(added + i);
                batch.add(new Document("_id", new ObjectId()).append("customerId", customer)
                        .append("kind", "COMPLAINT_ACKNOWLEDGEMENT").append("title", "We received your complaint CMP-BENCH001")
                        .append("body", "Thank you. Your complaint CMP-BENCH001 \"Charged twice\" is registered. You will get "
                                + "a first reply by 25 Nov 2026, 03:19 UTC (within 48 hours).")
                        .append("complaintId", UUID.randomUUID().toString()).append("complaintReference", "CMP-BENCH001")
                        .append("firstReplyDueAt", Date.from(at.plusSeconds(172800))).append("createdAt", Date.from(at))
                        .append("sourceEventId", "bench-" + UUID.randomUUID()).append("counted", "UNREAD"));
            }
            messages.insertMany(batch);
            // counted as the service counts: one $inc per batch, so the summary matches the collection
            summaries.updateOne(Filters.eq("_id", customer), Updates.combine(Updates.inc("total", batch.size()),
                    Updates.inc("unread", batch.size())), new UpdateOptions().upsert(true));
            added += batch.size();
        }
        System.out.printf("had=%d%nadded=%d%nseed_seconds=%.1f%n", have, added, (System.nanoTime() - start) / 1e9);
    }

    static void raw(MongoCollection<Document> messages, MongoCollection<Document> summaries, String customer, double seconds) {
        List<Long> took = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || took.size() < 3) {
            long t0 = System.nanoTime();
            messages.find(Filters.eq("customerId", customer)).sort(Sorts.orderBy(Sorts.descending("createdAt"),
                    Sorts.descending("_id"))).limit(21).into(new ArrayList<>());
            summaries.find(Filters.eq("_id", customer)).first();
            took.add(System.nanoTime() - t0);
        }
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        double total = Arrays.stream(sorted).sum() / 1e9;
        System.out.printf("reads=%d%nreads_per_s=%.1f%np50_ms=%.1f%np99_ms=%.1f%n", sorted.length, sorted.length / total,
                at(sorted, 50) / 1e6, at(sorted, 99) / 1e6);
    }

    static long at(long[] sorted, int p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
JAVA
history() { java -Xmx256m -cp "$(mongo_jars)" "$tool" "$@"; }

log "seeding $LONG_USER ($LONG) to $HISTORY messages and $SHORT_USER ($SHORT) to 10, in $DB (once)"
history seed "$MONGO" "$DB" "$LONG" "$HISTORY" >"$BENCH_OUT/inbox-history-seed-long.txt"
history seed "$MONGO" "$DB" "$SHORT" 10 >"$BENCH_OUT/inbox-history-seed-short.txt"
log "  added $(kv "$BENCH_OUT/inbox-history-seed-long.txt" added) in $(kv "$BENCH_OUT/inbox-history-seed-long.txt" seed_seconds)s"

declare -A total
for label in long short; do
  f=$BENCH_OUT/inbox-history-seed-$label.txt
  total[$label]=$(( $(kv "$f" had) + $(kv "$f" added) ))
done

for who in long:$LONG short:$SHORT; do
  label=${who%%:*}
  log "raw: the page and summary reads for $label straight to the stand-in, ${RAW_SECONDS}s"
  history raw "$MONGO" "$DB" "${who#*:}" "$RAW_SECONDS" >"$BENCH_OUT/inbox-history-raw-$label.txt"
done

declare -A open
for who in long:$LONG_USER short:$SHORT_USER; do
  label=${who%%:*}
  log "$label: GET inbox, open model, $RATE/s for ${OPEN_SECONDS}s (after ${WARMUP}s warm-up)"
  out=$BENCH_OUT/inbox-history-open-$label.txt
  tool_http --url "$NOTIFICATION/api/v1/me/inbox?size=20" --rate "$RATE" --seconds "$OPEN_SECONDS" --warmup "$WARMUP" \
    --token-file "$(token_file "${who#*:}")" >"$out" 2>>"$BENCH_OUT/inbox-history-open-$label.err"
  open[$label]=$out
  (( $(printf '%.0f' "$(kv "$out" generator_max_lag_ms)") < 50 )) || warn "$label: the load generator fell behind its schedule (see $out)"
done

for label in long short; do
  f=${open[$label]} raw=$BENCH_OUT/inbox-history-raw-$label.txt
  name="inbox at $RATE/s, ${total[$label]} messages"
  result "$name, p50" "$(kv "$f" p50_ms)" ms "$(kv "$raw" p50_ms)" "raw read ms"
  result "$name, p99" "$(kv "$f" p99_ms)" ms "$(kv "$raw" p99_ms)" "raw read ms"
  result "$name: non-2xx" "$(kv "$f" errors)" "of $(kv "$f" sent)"
  result "raw page+summary reads, ${total[$label]} messages" "$(kv "$raw" reads_per_s)" reads/s
done
result "inbox p99, ${total[long]} against ${total[short]} messages" "$(kv "${open[long]}" p99_ms)" ms \
  "$(kv "${open[short]}" p99_ms)" "ms with ${total[short]}"
