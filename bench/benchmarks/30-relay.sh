# Outbox relay drain rate against raw Kafka ProducerPerformance, and the notification consumer's drain against raw
# inserts into the same Mongo-wire server. Stops Kafka and the notification service for a while (./careline stop),
# files a backlog straight to the complaint service, then times each stage's drain once its component is back.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

BACKLOG=${BENCH_BACKLOG:-$(quick_or 5000 1000)}
DRAIN_TIMEOUT=$(quick_or 240 90)
RAW_RECORDS=$(quick_or 200000 50000)
RAW_INSERTS=$(quick_or 5000 1000)
CONNECTIONS=${BENCH_CONNECTIONS:-32}

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# whatever happens, leave Kafka and the notification service running
restore() {
  port_open 9092 || "$CARELINE" start kafka >&2 || warn "could not restart Kafka: ./careline start kafka"
  ready 8084 || "$CARELINE" start notification >&2 || warn "could not restart notification: ./careline start notification"
}
trap restore EXIT

for _ in $(seq 1 60); do [[ $(outbox_pending) == 0 ]] && break; sleep 0.5; done
[[ $(outbox_pending) == 0 ]] || warn "the outbox holds $(outbox_pending) events from before; they count in the backlog"
inbox_before=$(tool_mongo count 2>/dev/null | sed -n 's/^count=//p')
[[ -n $inbox_before ]] || die "cannot count the inbox messages (MongoDB on 27017)"

log "stopping the notification service and Kafka"
"$CARELINE" stop notification >&2
"$CARELINE" stop kafka >&2

log "filing $BACKLOG complaints straight to the complaint service"
out=$BENCH_OUT/relay-intake.txt
need_wrk
BENCH_TOKEN=$(cat "$(token_file alice)") BENCH_METHOD=POST \
  wrk -t2 -c"$CONNECTIONS" -d300s --timeout 10s -s "$BENCH/tools/wrk.lua" "$COMPLAINT/api/v1/me/complaints" >"$out" 2>&1 &
filer=$!
# wrk has no request count: stop it (SIGINT: it prints its summary) once the backlog is there
until (( $(outbox_pending) >= BACKLOG )) || ! kill -0 $filer 2>/dev/null; do sleep 0.2; done
kill -INT $filer 2>/dev/null || true
wait $filer || { cat "$out" >&2; die "wrk failed"; }
backlog=$(outbox_pending)
result "intake while Kafka is down" "$(printf '%.0f' "$(kv "$out" rps)")" req/s
result "intake while Kafka is down: 4xx/5xx + socket errors" "$(( $(kv "$out" http_errors) + $(kv "$out" socket_errors) ))" "of $(kv "$out" requests)"
record_bytes=$(pg_careline -d careline_complaint -c \
  "SELECT round(avg(octet_length(payload::text))) FROM outbox_event WHERE published_at IS NULL")

log "starting Kafka; the outbox holds $backlog events"
t0=$(now)
"$CARELINE" start kafka >&2
t_kafka=$(now)
first='' left=$backlog
while :; do
  left=$(outbox_pending)
  [[ -z $first && $left -lt $backlog ]] && first=$(now)
  [[ $left == 0 ]] && break
  (( $(awk -v a="$t_kafka" -v b="$(now)" -v m="$DRAIN_TIMEOUT" 'BEGIN { print (b - a > m) }') )) && break
  sleep 0.25
done
t_empty=$(now)
log "Kafka took $(secs "$t0" "$t_kafka")s to start; first event out $(secs "$t_kafka" "${first:-$t_empty}")s after"
drained=$(( backlog - left ))
rate=$(awk -v n="$drained" -v s="$(secs "$t_kafka" "$t_empty")" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')

log "raw: ProducerPerformance, $RAW_RECORDS records of $record_bytes bytes, acks=all, idempotent"
topic=bench.producer-perf
partitions=$(kafka_topic --describe --topic careline.complaint.v1 2>/dev/null | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -1)
kafka_topic --delete --if-exists --topic "$topic" >/dev/null 2>&1 || true
kafka_topic --create --topic "$topic" --partitions "${partitions:-3}" --replication-factor 1 >/dev/null
kafka_java org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$RAW_RECORDS" \
  --record-size "${record_bytes:-420}" --throughput -1 \
  --producer-props bootstrap.servers=$KAFKA acks=all enable.idempotence=true >"$BENCH_OUT/relay-producer-perf.txt" 2>&1
kafka_topic --delete --topic "$topic" >/dev/null 2>&1 || true
raw=$(tail -1 "$BENCH_OUT/relay-producer-perf.txt" | sed -n 's/.*records sent, *\([0-9.]*\) records\/sec.*/\1/p')
raw=$(printf '%.0f' "${raw:-0}")

if [[ $left == 0 ]]; then
  result "relay drain of $backlog events" "$rate" events/s "$raw" "ProducerPerformance rec/s"
  result "relay drain of $backlog events: time" "$(secs "$t_kafka" "$t_empty")" s
else
  result "relay drain ($left of $backlog left after ${DRAIN_TIMEOUT}s)" "$rate" events/s "$raw" "ProducerPerformance rec/s"
fi
intake=$(figure intake "POST complaints, direct" || true)
[[ -n $intake ]] && result "relay drain vs saturated intake (target ≥ 2)" "$rate" events/s "$intake" "intake direct req/s"

log "starting the notification service; waiting for $drained acknowledgements in the inbox"
tool_mongo wait-count $(( inbox_before + drained )) "$DRAIN_TIMEOUT" >"$BENCH_OUT/relay-inbox.txt" 2>>"$BENCH_OUT/relay-mongo.err" &
waiter=$!
"$CARELINE" start notification >&2
wait $waiter || true
inbox=$BENCH_OUT/relay-inbox.txt
log "raw: $RAW_INSERTS inserts into a scratch database on the same Mongo-wire server"
tool_mongo raw-insert "$RAW_INSERTS" >"$BENCH_OUT/relay-mongo-raw.txt" 2>>"$BENCH_OUT/relay-mongo.err"
raw_inserts=$(printf '%.0f' "$(kv "$BENCH_OUT/relay-mongo-raw.txt" inserts_per_s)")
label="notification drain of $drained events"
[[ $(kv "$inbox" reached) == true ]] || label="$label ($(( inbox_before + drained - $(kv "$inbox" final) )) missing after ${DRAIN_TIMEOUT}s)"
result "$label" "$(printf '%.0f' "$(kv "$inbox" per_s)")" events/s "$raw_inserts" "Mongo insertOne/s"
