# Commit → inbox latency at fixed arrival rates: complaints filed through the gateway on schedule (open model), then
# each one's inbox message createdAt (the notification service's clock) minus its receivedAt (the POST's answer;
# both clocks are this machine's). Raw baseline: Kafka end-to-end at the same rate (bench/tools/KafkaTool.java).
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

SECONDS_EACH=$(quick_or 15 5)
KAFKA_SECONDS=$(quick_or 10 5)
GRACE=15 # seconds after the last complaint was filed: later acknowledgements count as missing
RATES=${BENCH_LATENCY_RATES:-$(quick_or "20 80 200 half" "20 half")}
partitions=$(kafka_topic --describe --topic careline.complaint.v1 2>/dev/null | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -1)
record_bytes=420 # an envelope of ComplaintReceived, as the relay sends it (without its ce_* headers)


for rate in $RATES; do
  if [[ $rate == half ]]; then
    sat=$(figure intake "POST complaints, gateway") || { warn "no intake saturation measured yet (bench/run intake): skipping half of it"; continue; }
    rate=$(( sat / 2 )); label="$rate/s (half of saturation)"
    (( rate > 0 )) || continue
  else label="$rate/s"; fi
  # start from an empty outbox, so one rate's backlog does not lengthen the next one's latencies
  for _ in $(seq 1 60); do [[ $(outbox_pending) == 0 ]] && break; sleep 0.5; done
  [[ $(outbox_pending) == 0 ]] || warn "the outbox still holds $(outbox_pending) events from before"

  log "$label: filing through the gateway for ${SECONDS_EACH}s"
  filed=$BENCH_OUT/latency-$rate-filed.txt
  tool_http --url "$GATEWAY/api/v1/me/complaints" --post --rate "$rate" --seconds "$SECONDS_EACH" \
    --token-file "$(token_file alice)" --out "$filed" >"$BENCH_OUT/latency-$rate-http.txt" 2>>"$BENCH_OUT/latency-$rate.err"
  deadline=$(( $(date +%s%3N) + GRACE * 1000 ))
  log "$label: waiting for the inbox (at most ${GRACE}s after the last one)"
  out=$BENCH_OUT/latency-$rate-inbox.txt
  tool_mongo commit-latency "$filed" "$deadline" >"$out" 2>>"$BENCH_OUT/latency-$rate.err"
  log "$label: raw Kafka end to end for ${KAFKA_SECONDS}s"
  raw=$BENCH_OUT/latency-$rate-kafka.txt
  tool_kafka e2e "$rate" "$KAFKA_SECONDS" "$record_bytes" "${partitions:-3}" >"$raw" 2>>"$BENCH_OUT/latency-$rate.err"

  for p in p50 p99 max; do
    result "commit → inbox at $label, $p" "$(kv "$out" ${p}_ms)" ms "$(kv "$raw" ${p}_ms)" "Kafka e2e ms"
  done
  result "commit → inbox at $label: not acknowledged ${GRACE}s after the last" "$(kv "$out" missing)" "of $(kv "$out" filed)"
  http=$BENCH_OUT/latency-$rate-http.txt
  result "commit → inbox at $label: POST non-2xx" "$(kv "$http" errors)" "of $(kv "$http" sent)"
  (( $(printf '%.0f' "$(kv "$http" generator_max_lag_ms)") < 50 )) || warn "the load generator fell behind its schedule (see $http)"
done
