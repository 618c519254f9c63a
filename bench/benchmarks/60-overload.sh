# Overload is shed, never fatal: POST /api/v1/me/complaints straight to the complaint service at 3× its saturation,
# open model (bench/tools/OpenLoad.java). The 2xx rate should stay near the saturation (the baseline), the excess get
# a fast 503 with Retry-After and nothing else, and the same process should still run, ready, afterwards.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

OVERLOAD_SECONDS=$(quick_or 20 5)
SATURATION_SECONDS=$(quick_or 10 3)
WARMUP=2
FACTOR=3
READY_WAIT=30 # seconds readiness may take to come back after the phase
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT=8082
URL=$COMPLAINT/api/v1/me/complaints

# ---- the baseline: the saturation, closed loop. intake's when it ran in this run (same machine, same minutes; an
# earlier run's would not be), else a short wrk of the same POSTs with the same connections.
if sat=$(figure_in "$BENCH_OUT/results.tsv" intake "POST complaints, direct"); then
  how="intake, this run"
else
  log "no intake figure in this run: saturation by wrk, $CONNECTIONS connections, ${SATURATION_SECONDS}s (after ${WARMUP}s warm-up)"
  BENCH_TOKEN=$(cat "$(token_file alice)") BENCH_METHOD=POST \
    wrk_run "$BENCH_OUT/overload-warmup.txt" "$BENCH/tools/wrk.lua" "$URL" "$WARMUP" "$CONNECTIONS"
  out=$BENCH_OUT/overload-saturation.txt
  BENCH_TOKEN=$(cat "$(token_file alice)") BENCH_METHOD=POST \
    wrk_run "$out" "$BENCH/tools/wrk.lua" "$URL" "$SATURATION_SECONDS" "$CONNECTIONS"
  sat=$(printf '%.0f' "$(kv "$out" rps)")
  how="wrk, ${SATURATION_SECONDS}s"
  (( $(kv "$out" http_errors) + $(kv "$out" socket_errors) == 0 )) || warn "errors while measuring the saturation, see $out"
fi
(( sat > 0 )) || die "no saturation to start from ($sat req/s)"
result "POST complaints, direct: saturation ($how)" "$sat" req/s
rate=$(( sat * FACTOR ))

# ---- the process: the one ./careline started (its pid file), or whoever listens on the port (started by hand)
pid=$(cat "$ROOT/.careline/run/complaint.pid" 2>/dev/null || true)
if [[ -z $pid ]] || ! kill -0 "$pid" 2>/dev/null; then
  pid=$(pid_on_port $PORT)
  warn "no live process in .careline/run/complaint.pid: watching the one listening on $PORT (${pid:-none})"
fi
[[ -n $pid ]] || die "the complaint service is not running ($PORT)"
rss_before=$(rss_mib "$pid")
service_log=$ROOT/.careline/logs/complaint.log
log_from=$(( $(stat -c %s "$service_log" 2>/dev/null || echo 0) + 1 ))

log "overload: $rate/s (${FACTOR}× $sat) for ${OVERLOAD_SECONDS}s, open model, after ${WARMUP}s of the same"
out=$BENCH_OUT/overload-open.txt
tool_http --url "$URL" --post --rate "$rate" --seconds "$OVERLOAD_SECONDS" --warmup "$WARMUP" \
  --token-file "$(token_file alice)" >"$out" 2>>"$BENCH_OUT/overload-open.err"
(( $(printf '%.0f' "$(kv "$out" generator_max_lag_ms)") < 50 )) \
  || warn "the load generator fell behind its schedule (offered $(kv "$out" rate_offered)/s; see $out)"

sent=$(kv "$out" sent)
shed=$(kv "$out" status_503); shed=${shed:-0}
result "2xx/s at ${rate}/s offered (${FACTOR}× saturation)" "$(printf '%.0f' "$(kv "$out" ok_per_s)")" req/s "$sat" "saturation req/s"
result "503 (shed)" "$shed" "of $sent"
result "503 share" "$(awk -v s="$shed" -v n="$sent" 'BEGIN { printf "%.1f", (n > 0 ? 100 * s / n : 0) }')" "%"
(( shed == 0 )) || result "503 with Retry-After" "$(kv "$out" retry_after_503)" "of $shed"
# timeouts, refused or reset connections and any other status: overload must produce none of them
result "other non-2xx" "$(( $(kv "$out" errors) - shed ))" "of $sent" \
  && { grep '^status_' "$out" | grep -v '^status_503=' | sed 's/^/    /' >&2 || true; }
result "2xx p99 (from the intended start)" "$(kv "$out" ok_p99_ms)" ms

# ---- did it live through it: the same process, ready again, its memory
alive=no
kill -0 "$pid" 2>/dev/null && [[ $(pid_on_port $PORT) == "$pid" ]] && alive=yes
result "same process alive after (pid $pid)" "$alive" ""
waited=$SECONDS readiness=DOWN
until ready $PORT && readiness=UP || (( SECONDS - waited >= READY_WAIT )); do sleep 0.5; done
result "readiness after the phase" "$readiness" "(waited $(( SECONDS - waited ))s)"
[[ $alive == yes ]] && result "RSS complaint, after the phase" "$(rss_mib "$pid")" MiB "$rss_before" "before MiB"
if [[ -f $service_log ]]; then
  errors=$(tail -c +"$log_from" "$service_log" | grep -cE '^[0-9:.]+ +(ERROR|FATAL)' || true)
  result "complaint log: ERROR lines during the phase" "$errors" ""
  (( $(tail -c +"$log_from" "$service_log" | grep -c OutOfMemoryError || true) == 0 )) \
    || warn "the complaint service ran out of memory, see $service_log"
fi

# leave the stack as found: a service that died here would fail every later benchmark
if [[ $alive == no ]] && ! port_open $PORT; then
  warn "the complaint service died under overload; starting it again"
  "$CARELINE" start complaint >&2 || warn "could not restart it: ./careline start complaint"
fi
