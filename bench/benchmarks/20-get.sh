# GET /api/v1/me/complaints?size=5 through the gateway against straight to the complaint service: saturation
# (closed loop, wrk), then latency at a fixed arrival rate (open model, bench/tools/OpenLoad.java) below both.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

SATURATION_SECONDS=$(quick_or 10 3)
OPEN_SECONDS=$(quick_or 20 5)
WARMUP=$(quick_or 3 2)
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PATH_='/api/v1/me/complaints?size=5'

declare -A sat
for target in direct:$COMPLAINT gateway:$GATEWAY; do
  label=${target%%:*}
  log "$label: warm-up, ${WARMUP}s"
  BENCH_TOKEN=$(cat "$(token_file alice)") wrk_run "$BENCH_OUT/get-warmup-$label.txt" "$BENCH/tools/wrk.lua" "${target#*:}$PATH_" "$WARMUP" "$CONNECTIONS"
  log "$label: saturation, wrk, $CONNECTIONS connections, ${SATURATION_SECONDS}s"
  out=$BENCH_OUT/get-saturation-$label.txt
  BENCH_TOKEN=$(cat "$(token_file alice)") wrk_run "$out" "$BENCH/tools/wrk.lua" "${target#*:}$PATH_" "$SATURATION_SECONDS" "$CONNECTIONS"
  sat[$label]=$(printf '%.0f' "$(kv "$out" rps)")
  (( $(kv "$out" http_errors) + $(kv "$out" socket_errors) == 0 )) || warn "$label: errors under saturation, see $out"
done
result "GET saturation, gateway" "${sat[gateway]}" req/s "${sat[direct]}" "direct req/s"
result "GET saturation, direct" "${sat[direct]}" req/s

# half of the slower path's saturation, so both are measured below saturation at the same rate
rate=${BENCH_GET_RATE:-$(( (sat[gateway] < sat[direct] ? sat[gateway] : sat[direct]) / 2 ))}
(( rate >= 10 )) || rate=10
declare -A open
for target in direct:$COMPLAINT gateway:$GATEWAY; do
  label=${target%%:*}
  log "$label: open model, $rate/s for ${OPEN_SECONDS}s (after ${WARMUP}s warm-up)"
  out=$BENCH_OUT/get-open-$label.txt
  tool_http --url "${target#*:}$PATH_" --rate "$rate" --seconds "$OPEN_SECONDS" --warmup "$WARMUP" \
    --token-file "$(token_file alice)" >"$out" 2>>"$BENCH_OUT/get-open-$label.err"
  open[$label]=$out
  (( $(printf '%.0f' "$(kv "$out" generator_max_lag_ms)") < 50 )) || warn "$label: the load generator fell behind its schedule (see $out)"
done
for p in p50 p90 p99 max; do
  result "GET at $rate/s, gateway, $p" "$(kv "${open[gateway]}" ${p}_ms)" ms "$(kv "${open[direct]}" ${p}_ms)" "direct ms"
done
for p in p50 p90 p99 max; do result "GET at $rate/s, direct, $p" "$(kv "${open[direct]}" ${p}_ms)" ms; done
for label in gateway direct; do
  f=${open[$label]}
  result "GET at $rate/s, $label: non-2xx" "$(kv "$f" errors)" "of $(kv "$f" sent)" \
    && { grep '^status_' "$f" | sed 's/^/    /' >&2 || true; }
done
