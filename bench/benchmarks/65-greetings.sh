# opt-in: about 50 minutes for 100,000 customers on the Mongo-wire stand-in
# Greetings at scale (issue 7): N customers (100,000; quick 2,000) with greeting consent and a birthday, seeded straight
# into the customer service's MongoDB; an admin triggers the greetings; the time from the trigger to the last
# GreetingDue on careline.customer.v1, against Kafka's ProducerPerformance sending N records of the same size in the
# same run (goal ≥ 0.3×); duplicates (goal 0), also after a second trigger. Self-checking: it says what is missing.
#
# The birthdays are two days ago (UTC), and the trigger is the operator's catch-up run as of that day
# (POST /api/v1/ops/customer/greetings/run?at=...): the scheduled job (every 5 min, today ± 1 day) never sees these
# customers, so it cannot start greeting them while they are still being seeded, and the run measured is the trigger's.
# What bounds it on the local stack: each greeting is two single-document writes on the Mongo-wire stand-in (the
# service's conditional update with the event, the relay's write-back once published); the stand-in's own single
# update rate is measured in the same run and printed beside it.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

N=${BENCH_GREETINGS:-$(quick_or 100000 2000)}
# the stand-in takes ~50-70 single updates/s: 100,000 greetings are two writes each, so allow hours, not minutes
IDLE_TIMEOUT=${BENCH_GREETINGS_IDLE:-$(quick_or 300 120)}   # give up when no new event came for this long (s)
RECHECK=${BENCH_GREETINGS_RECHECK:-$(quick_or 120 30)}     # after a second trigger, watch this long for duplicates (s)
RAW_UPDATES=$(quick_or 2000 500)
CUSTOMER=http://$HOST:8081
PREFIX="G-$(date +%s)-"

ready 8081 || die "the customer service is not ready on 8081 (./careline up)"
port_open 9092 || die "Kafka does not answer on 9092 (./careline up)"

tool=$BENCH_OUT/GreetingsTool.java
cat >"$tool" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * seed PREFIX N DAY        N customers PREFIXn, birthday DAY (yyyy-MM-dd) 40 years back, timezone UTC, greeting consent
 * watch PREFIX N IDLE FILE  GreetingDue for PREFIX* on careline.customer.v1 from its end now ("ready" in FILE once
 *                          positioned), until N customers were greeted or IDLE s without a new one
 * watch-for PREFIX S FILE  the same, for S seconds
 * raw-update N             N single $push updates, one at a time, on a scratch database of the same server
 * clean PREFIX             deletes the seeded customers
 * Prints key=value lines.
 */
public class GreetingsTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), LocalDate.parse(args[3]));
            case "watch" -> watch(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), 0, Path.of(args[4]));
            case "watch-for" -> watch(args[1], 0, 0, Long.parseLong(args[2]), Path.of(args[3]));
            case "raw-update" -> rawUpdate(Integer.parseInt(args[1]));
            case "clean" -> clean(args[1]);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static MongoClient mongo() {
        return MongoClients.create(System.getProperty("mongo", "mongodb://127.0.0.1:27017"));
    }

    /** As the service stores a customer (its codec's field names), with what the greetings read. */
    static void seed(String prefix, int n, LocalDate day) {
        String birthday = day.minusYears(40).toString();
        try (MongoClient client = mongo()) {
            MongoCollection<Document> customers = client.getDatabase("careline_customer").getCollection("customer");
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String id = prefix + i;
                Date now = new Date();
                Document consent = new Document("purpose", "greetings").append("channel", "any").append("granted", true)
                        .append("source", "agent").append("at", now).append("proof", "bench/65-greetings");
                batch.add(new Document("_id", id).append("version", 0L).append("createdAt", now)
                        .append("createdBy", "agent:bench").append("displayName", "Greeting bench " + i)
                        .append("birthday", birthday).append("birthdayKey", birthday.substring(5) + "/" + id)
                        .append("timezone", "UTC").append("locale", "en-GB").append("preferredChannel", "in_app")
                        .append("emails", List.of()).append("phones", List.of()).append("pushTokens", List.of())
                        .append("household", List.of()).append("partners", List.of())
                        .append("consents", List.of(consent)).append("consentHistory", List.of(consent))
                        .append("subscriptions", List.of()).append("greetings", List.of()));
                if (batch.size() == 1000 || i == n) {
                    customers.insertMany(batch);
                    batch.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded=%d%nseconds=%.1f%nper_s=%.1f%n", n, seconds, n / seconds);
        }
    }

    /** Until n customers were greeted or idleSeconds without a new one; or, when forSeconds > 0, for that long. */
    static void watch(String prefix, int n, long idleSeconds, long forSeconds, Path readyFile) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", "127.0.0.1:9092");
        properties.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            String topic = "careline.customer.v1";
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // positioned now, before the trigger
            Files.writeString(readyFile, "ready\n");
            Map<String, Integer> perCustomer = new HashMap<>();
            long events = 0;
            long lastRecordMs = 0;
            int bytes = 0;
            long start = System.currentTimeMillis();
            long lastNew = start;
            Pattern greeting = Pattern.compile("\"type\"\\s*:\\s*\"GreetingDue\"");
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    if (record.key() == null || !record.key().startsWith(prefix) || !greeting.matcher(record.value()).find()) {
                        continue;
                    }
                    events++;
                    bytes = record.value().length();
                    if (perCustomer.merge(record.key(), 1, Integer::sum) == 1) {
                        lastNew = System.currentTimeMillis();
                    }
                    lastRecordMs = Math.max(lastRecordMs, record.timestamp());
                }
                long now = System.currentTimeMillis();
                if (n > 0 && perCustomer.size() >= n
                        || (forSeconds > 0 ? now - start >= forSeconds * 1000 : now - lastNew >= idleSeconds * 1000)) {
                    break;
                }
            }
            System.out.printf("events=%d%ncustomers=%d%nduplicates=%d%nlast_record_ms=%d%nrecord_bytes=%d%n",
                    events, perCustomer.size(), events - perCustomer.size(), lastRecordMs, bytes);
        }
    }

    static void rawUpdate(int n) {
        try (MongoClient client = mongo()) {
            var database = client.getDatabase("bench_greetings_raw_" + System.currentTimeMillis());
            MongoCollection<Document> scratch = database.getCollection("customer");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                docs.add(new Document("_id", "R-" + i).append("greetings", List.of()));
            }
            scratch.insertMany(docs);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                scratch.updateOne(Filters.and(Filters.eq("_id", "R-" + i), Filters.ne("greetings", "birthday")),
                        Updates.combine(Updates.push("greetings", "birthday"), Updates.inc("version", 1L)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            database.drop();
            System.out.printf("updates=%d%nupdates_per_s=%.1f%n", n, n / seconds);
        }
    }

    static void clean(String prefix) {
        try (MongoClient client = mongo()) {
            long deleted = client.getDatabase("careline_customer").getCollection("customer")
                    .deleteMany(Filters.regex("_id", "^" + Pattern.quote(prefix))).getDeletedCount();
            System.out.println("deleted=" + deleted);
        }
    }
}
JAVA
greetings_tool() { java -Xmx512m -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -cp "$(mongo_jars):$KAFKA_JARS" "$tool" "$@"; }
now_ms() { date +%s%3N; }

# whatever happens, the seeded customers leave the demo database
clean() { greetings_tool clean "$PREFIX" >"$BENCH_OUT/greetings-clean.txt" 2>>"$BENCH_OUT/greetings.err" || warn "could not delete the seeded customers ${PREFIX}*"; }
trap clean EXIT

day=$(date -u -d '2 days ago' +%F)
at="${day}T12:00:00Z"
log "seeding $N customers (${PREFIX}1..), birthday ${day:5}, consent to greetings, straight into careline_customer"
greetings_tool seed "$PREFIX" "$N" "$day" >"$BENCH_OUT/greetings-seed.txt" 2>>"$BENCH_OUT/greetings.err"
result "seeding $N customers (insertMany of 1,000)" "$(printf '%.0f' "$(kv "$BENCH_OUT/greetings-seed.txt" per_s)")" docs/s

ready_file=$BENCH_OUT/greetings-watch.ready
rm -f "$ready_file"
greetings_tool watch "$PREFIX" "$N" "$IDLE_TIMEOUT" "$ready_file" >"$BENCH_OUT/greetings-watch.txt" 2>>"$BENCH_OUT/greetings.err" &
watcher=$!
for _ in $(seq 1 120); do [[ -f $ready_file ]] && break; sleep 0.5; done
[[ -f $ready_file ]] || die "the watcher did not get positioned on careline.customer.v1 (see $BENCH_OUT/greetings.err)"

token=$(token_file ada)
log "triggering the greetings as of $at"
t_trigger=$(now_ms)
status=$(curl -s -o "$BENCH_OUT/greetings-trigger.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$token")" \
  "$CUSTOMER/api/v1/ops/customer/greetings/run?at=$at")
[[ $status == 202 ]] || die "the trigger answered $status: $(cat "$BENCH_OUT/greetings-trigger.json")"
wait $watcher || die "the watcher failed (see $BENCH_OUT/greetings.err)"
watch=$BENCH_OUT/greetings-watch.txt
greeted=$(kv "$watch" customers)
last=$(kv "$watch" last_record_ms)
seconds=$(awk -v a="$t_trigger" -v b="$last" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
rate=$(awk -v n="$greeted" -v s="$seconds" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }')

log "raw: ProducerPerformance, $N records of $(kv "$watch" record_bytes) bytes, acks=all, idempotent"
topic=bench.greetings-producer-perf
partitions=$(kafka_topic --describe --topic careline.customer.v1 2>/dev/null | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -1)
kafka_topic --delete --if-exists --topic "$topic" >/dev/null 2>&1 || true
kafka_topic --create --topic "$topic" --partitions "${partitions:-3}" --replication-factor 1 >/dev/null
kafka_java org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$N" \
  --record-size "$(kv "$watch" record_bytes | grep . || echo 330)" --throughput -1 \
  --producer-props bootstrap.servers=$KAFKA acks=all enable.idempotence=true >"$BENCH_OUT/greetings-producer-perf.txt" 2>&1
kafka_topic --delete --topic "$topic" >/dev/null 2>&1 || true
raw=$(tail -1 "$BENCH_OUT/greetings-producer-perf.txt" | sed -n 's/.*records sent, *\([0-9.]*\) records\/sec.*/\1/p')
raw=$(printf '%.0f' "${raw:-0}")

log "raw: $RAW_UPDATES single conditional \$push updates on a scratch database of the same Mongo-wire server"
greetings_tool raw-update "$RAW_UPDATES" >"$BENCH_OUT/greetings-raw-update.txt" 2>>"$BENCH_OUT/greetings.err"
raw_updates=$(printf '%.0f' "$(kv "$BENCH_OUT/greetings-raw-update.txt" updates_per_s)")

if [[ $greeted == "$N" ]]; then
  result "greetings of $N customers, trigger → last GreetingDue (goal ≥ 0.3×)" "$rate" events/s "$raw" "ProducerPerformance rec/s"
  result "greetings of $N customers: time" "$seconds" s
else
  result "greetings ($(( N - greeted )) of $N never came, ${IDLE_TIMEOUT}s idle)" "$rate" events/s "$raw" "ProducerPerformance rec/s"
fi
# two writes per greeting (the service's update with its event, the relay's write-back): half this is the stand-in's ceiling
result "greetings against the stand-in's single updates (ceiling 0.5×)" "$rate" events/s "$raw_updates" "Mongo updateOne/s"
result "duplicate GreetingDue in the run (goal 0)" "$(kv "$watch" duplicates)" "of $(kv "$watch" events)"

log "a second trigger as of the same day: nothing new may be announced (watching ${RECHECK}s)"
rm -f "$ready_file"
greetings_tool watch-for "$PREFIX" "$RECHECK" "$ready_file" >"$BENCH_OUT/greetings-recheck.txt" 2>>"$BENCH_OUT/greetings.err" &
watcher=$!
for _ in $(seq 1 120); do [[ -f $ready_file ]] && break; sleep 0.5; done
status=$(curl -s -o "$BENCH_OUT/greetings-trigger2.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$(token_file ada)")" \
  "$CUSTOMER/api/v1/ops/customer/greetings/run?at=$at")
[[ $status == 202 || $status == 409 ]] || warn "the second trigger answered $status: $(cat "$BENCH_OUT/greetings-trigger2.json")"
wait $watcher || warn "the recheck watcher failed (see $BENCH_OUT/greetings.err)"
result "GreetingDue announced again after a second trigger (goal 0, ${RECHECK}s)" "$(kv "$BENCH_OUT/greetings-recheck.txt" events)" events
