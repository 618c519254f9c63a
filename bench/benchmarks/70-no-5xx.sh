# No 5xx under load: 10,000 complaints filed through the gateway at 100/s, 2× what the old relay drained (≈ 50
# events/s, issue 5), open model (bench/tools/OpenLoad.java). Goal: 0 non-2xx, and every accepted complaint's event
# out of the outbox soon after the last was filed. The figures stand against that goal, not a raw baseline.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

RATE=100
COUNT=$(quick_or 10000 1000)
DRAIN_TIMEOUT=$(quick_or 60 30) # seconds after the last answer for the accepted complaints' events to be published
URL=$GATEWAY/api/v1/me/complaints

# an earlier backlog on the same key (alice's) would hold these events back
for _ in $(seq 1 60); do [[ $(outbox_pending) == 0 ]] && break; sleep 0.5; done
[[ $(outbox_pending) == 0 ]] || warn "the outbox still holds $(outbox_pending) events from before"

log "filing $COUNT complaints through the gateway at $RATE/s ($(( COUNT / RATE ))s)"
out=$BENCH_OUT/no-5xx-http.txt
filed=$BENCH_OUT/no-5xx-filed.txt
tool_http --url "$URL" --post --rate "$RATE" --seconds "$(( COUNT / RATE ))" --token-file "$(token_file alice)" \
  --out "$filed" >"$out" 2>>"$BENCH_OUT/no-5xx.err"
(( $(printf '%.0f' "$(kv "$out" generator_max_lag_ms)") < 50 )) || warn "the load generator fell behind its schedule (see $out)"

sent=$(kv "$out" sent)
result "non-2xx of $sent filed at $RATE/s via the gateway (goal 0)" "$(kv "$out" errors)" "of $sent"
while IFS='=' read -r status n; do
  result "non-2xx: ${status#status_}" "$n" "of $sent"
done < <(grep '^status_' "$out" || true)
for p in p50 p99 max; do result "latency $p (from the intended start)" "$(kv "$out" ${p}_ms)" ms; done

# ---- every accepted complaint's event out of the outbox: its row, found by the complaint id in the envelope.
# The time is PostgreSQL's record: the last event's published_at minus the last complaint's receivedAt.
accepted=$(wc -l <"$filed")
(( accepted == $(kv "$out" ok) )) || warn "$(kv "$out" ok) 2xx but $accepted complaint ids in their answers"
(( accepted > 0 )) || exit 0
since=$(cut -d' ' -f2 "$filed" | sort | sed -n 1p) # not head: under pipefail its early exit fails the pipeline
query=$BENCH_OUT/no-5xx-outbox.sql
{
  printf "WITH filed(id) AS (SELECT unnest(string_to_array('%s', ',')))\n" "$(cut -d' ' -f1 "$filed" | paste -sd,)"
  printf "SELECT count(e.id), count(e.published_at),
    coalesce(to_char(extract(epoch FROM max(e.published_at) - max(e.occurred_at)), 'FM999990.00'), '-')
  FROM filed f LEFT JOIN outbox_event e ON e.occurred_at >= timestamptz '%s' - interval '1 minute'
    AND e.payload->>'type' = 'ComplaintReceived' AND e.payload->'data'->>'complaintId' = f.id;\n" "$since"
} >"$query"
log "waiting for the $accepted events to leave the outbox (at most ${DRAIN_TIMEOUT}s)"
waited=$SECONDS
while :; do
  row=$(pg_careline -d careline_complaint -f "$query")
  IFS='|' read -r found published after <<<"$row"
  (( published == found )) && break
  (( SECONDS - waited < DRAIN_TIMEOUT )) || break
  sleep 1
done
(( found == accepted )) || warn "$found of the $accepted accepted complaints have an event in the outbox"
result "events of the accepted complaints published" "$published" "of $accepted"
if (( found > 0 && published == found )); then
  result "last event out, after the last complaint was filed" "$after" s
else
  result "events still in the outbox ${DRAIN_TIMEOUT}s after the last answer" "$(( found - published ))" "of $found"
fi
