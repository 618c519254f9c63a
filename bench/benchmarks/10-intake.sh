# Complaint intake at saturation (closed loop, wrk): POST /api/v1/me/complaints through the gateway and straight to
# the complaint service, against raw pgbench of the same transaction on a scratch copy of the service's schema.
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

SECONDS_EACH=$(quick_or 20 5)
WARMUP=$(quick_or 5 2)
CONNECTIONS=${BENCH_CONNECTIONS:-32}
# pgbench gets as many connections as the service's reactive pool (quarkus.datasource.reactive.max-size)
PG_CLIENTS=${BENCH_PG_CLIENTS:-20}
PATH_=/api/v1/me/complaints

post() { # label base-url seconds
  local out=$BENCH_OUT/intake-$1.txt
  BENCH_TOKEN=$(cat "$(token_file alice)") BENCH_METHOD=POST wrk_run "$out" "$BENCH/tools/wrk.lua" "$2$PATH_" "$3" "$CONNECTIONS"
  echo "$out"
}

log "warm-up: ${WARMUP}s through the gateway"
post warmup "$GATEWAY" "$WARMUP" >/dev/null

# ---- raw baseline: pgbench of the same transaction, on a scratch database with the service's migrations
db=careline_bench_intake
pg_admin -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER careline"
trap 'pg_admin -d postgres -c "DROP DATABASE IF EXISTS '$db'" || true' EXIT
# in Flyway's order: by version, V2 before V10
for m in $(ls "$ROOT"/services/complaint/src/main/resources/db/migration/V*__*.sql | awk -F/ '{ print $NF "\t" $0 }' | sort -V | cut -f2); do
  pg_careline -d "$db" -f "$m" >/dev/null
done
log "pgbench: ${PG_CLIENTS} clients, ${SECONDS_EACH}s"
PGPASSWORD=careline "$(pg_bin)/pgbench" -h $HOST -U careline -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$SECONDS_EACH" \
  -f "$BENCH/tools/intake.sql" "$db" >"$BENCH_OUT/intake-pgbench.txt" 2>&1 || { cat "$BENCH_OUT/intake-pgbench.txt" >&2; exit 1; }
raw=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$BENCH_OUT/intake-pgbench.txt" | head -1)
raw=$(printf '%.0f' "$raw")
[[ $(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$BENCH_OUT/intake-pgbench.txt") == 0 ]] \
  || warn "pgbench had failed transactions, see intake-pgbench.txt"

for target in gateway:$GATEWAY direct:$COMPLAINT; do
  label=${target%%:*}
  log "$label: wrk, $CONNECTIONS connections, ${SECONDS_EACH}s"
  out=$(post "$label" "${target#*:}" "$SECONDS_EACH")
  result "POST complaints, $label" "$(printf '%.0f' "$(kv "$out" rps)")" req/s "$raw" "pgbench tx/s"
  result "POST complaints, $label: 4xx/5xx + socket errors" "$(( $(kv "$out" http_errors) + $(kv "$out" socket_errors) ))" \
    "of $(kv "$out" requests)"
  result "POST complaints, $label: p99 (closed loop)" "$(kv "$out" p99_ms)" ms
done
