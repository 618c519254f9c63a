# SLA timers (issue 6): with 1,000,000 open clocks, the delay from a clock's target to its SlaBreached row in the
# outbox (goal p99 ≤ 5 s), and what a scheduled tick costs when few clocks are due: against the raw claim query
# (pgbench, same run, same table) and against the same tick measured before the million clocks existed. A tick is
# one range scan of ix_sla_clock_next_fire over the due clocks, so neither ratio should move with the open clocks.
#
# Unlike the other benchmarks this one writes into the complaint service's database: the clocks must be the
# service's own for its timer worker to fire them. They belong to made-up customers ($TAG-*) and are deleted at the
# end; their outbox rows are published and expire like any other; the ledger keeps their BREACHED entries
# (append-only by design: they name complaints that do not exist, and no monthly report counts them, as no STARTED
# entry of theirs is in the ledger).
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

OPEN=$(quick_or 1000000 100000)
DUE=$(quick_or 2000 400)      # the due slice: targets spread evenly over SPREAD seconds, starting LEAD seconds ahead
SPREAD=$(quick_or 20 8)
LEAD=5
WINDOW=$(quick_or 20 8)       # seconds of scheduled ticks measured in each tick-cost phase
FEW_PER_S=5                   # due clocks per second while a tick's cost is measured: "few clocks due"
DB=careline_complaint
TAG=C-BENCH-SLA-$(date +%s)

ready 8082 || die "the complaint service is not ready on :8082 (./careline up)"
[[ $(pg_careline -d $DB -c "SELECT to_regclass('sla_clock') IS NOT NULL") == t ]] \
  || die "$DB has no sla_clock table: the SLA clock (issue 6) is not deployed"
curl -fs "$COMPLAINT/q/metrics" | grep -q '^careline_sla_tick_seconds_count' \
  || die "the complaint service exports no careline_sla_tick_seconds: its SLA timer worker is not running"

cleanup() {
  pg_careline -d $DB -c "DELETE FROM sla_clock WHERE customer_id LIKE '$TAG-%'" >/dev/null 2>&1 || warn "bench clocks ($TAG-*) left in sla_clock"
}
trap cleanup EXIT

# Running first-reply clocks of a 48 h target (the default policy). Due ones were warned already, so their next
# stage is the breach, at their due time; open ones are not due for at least 12 h.
insert_due() { # customer count first-due-in-seconds spread-seconds
  pg_careline -d $DB -c "
    INSERT INTO sla_clock (id, complaint_id, customer_id, kind, policy_id, target_seconds, warning_seconds, state,
        started_at, running_since, warn_at, due_at, escalate_at, warned_at, next_fire_at)
    SELECT gen_random_uuid(), gen_random_uuid(), '$1', 'FIRST_REPLY', 'default', 172800, 129600, 'RUNNING',
           d - interval '48 hours', d - interval '48 hours', d - interval '12 hours', d, d + interval '48 hours',
           d - interval '12 hours', d
    FROM (SELECT date_trunc('milliseconds', now() + make_interval(secs => $3 + i * $4::float8 / $2)) AS d
          FROM generate_series(0, $2 - 1) AS i) AS due"
}
insert_open() { # customer count
  pg_careline -d $DB -c "
    INSERT INTO sla_clock (id, complaint_id, customer_id, kind, policy_id, target_seconds, warning_seconds, state,
        started_at, running_since, warn_at, due_at, escalate_at, next_fire_at)
    SELECT gen_random_uuid(), gen_random_uuid(), '$1', 'FIRST_REPLY', 'default', 172800, 129600, 'RUNNING',
           s, s, s + interval '36 hours', s + interval '48 hours', s + interval '96 hours', s + interval '36 hours'
    FROM (SELECT now() - make_interval(secs => (i % 86400)::float8) AS s FROM generate_series(1, $2) AS i) AS open"
}
metric() { # name -> its value summed over /q/metrics
  curl -fs "$COMPLAINT/q/metrics" | awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $2 } END { printf "%.9f\n", s }'
}
tick_phase() { # label -> mean scheduled tick (ms) over WINDOW seconds with FEW_PER_S clocks coming due each second
  local c0 s0 c1 s1
  insert_due "$TAG-few-$1" $(( FEW_PER_S * WINDOW )) 1 "$WINDOW"
  c0=$(metric careline_sla_tick_seconds_count); s0=$(metric careline_sla_tick_seconds_sum)
  sleep $(( WINDOW + 2 ))
  c1=$(metric careline_sla_tick_seconds_count); s1=$(metric careline_sla_tick_seconds_sum)
  awk -v c="$c0" -v s="$s0" -v C="$c1" -v S="$s1" 'BEGIN { if (C - c > 0) printf "%.2f\n", (S - s) / (C - c) * 1000; else print "-" }'
}

log "tick cost before the open clocks: ${WINDOW}s, $FEW_PER_S due/s"
tick_empty=$(tick_phase empty)

log "inserting $OPEN open clocks"
started=$SECONDS
insert_open "$TAG-open" "$OPEN"
pg_careline -d $DB -c "ANALYZE sla_clock"
log "inserted in $(( SECONDS - started ))s; $(pg_careline -d $DB -c "SELECT count(*) FROM sla_clock WHERE next_fire_at IS NOT NULL") clocks have a timer"

plan=$(pg_careline -d $DB -c "EXPLAIN SELECT * FROM sla_clock WHERE next_fire_at <= now() ORDER BY next_fire_at LIMIT 200 FOR UPDATE SKIP LOCKED")
echo "$plan" >"$BENCH_OUT/sla-timers-plan.txt"
grep -q ix_sla_clock_next_fire <<<"$plan" || warn "the claim query does not use ix_sla_clock_next_fire (see sla-timers-plan.txt)"

log "tick cost with $OPEN open: ${WINDOW}s, $FEW_PER_S due/s"
tick_full=$(tick_phase full)

# ---- raw baseline: the claim query alone, as the worker sends it, in a transaction rolled back (pgbench, 1 client)
cat >"$BENCH_OUT/sla-claim.sql" <<'SQL'
BEGIN;
SELECT * FROM sla_clock WHERE next_fire_at <= now() ORDER BY next_fire_at LIMIT 200 FOR UPDATE SKIP LOCKED;
ROLLBACK;
SQL
PGPASSWORD=careline "$(pg_bin)/pgbench" -h $HOST -U careline -n -M prepared -c 1 -T "$(quick_or 10 4)" \
  -f "$BENCH_OUT/sla-claim.sql" $DB >"$BENCH_OUT/sla-claim-pgbench.txt" 2>&1 || { cat "$BENCH_OUT/sla-claim-pgbench.txt" >&2; exit 1; }
raw_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$BENCH_OUT/sla-claim-pgbench.txt")

result "tick, few due, $OPEN open" "$tick_full" ms "$raw_ms" "raw claim query, ms"
result "tick, few due, $OPEN open vs none open" "$tick_full" ms "$tick_empty" "ms, none open"

# ---- target → SlaBreached: a slice of the open clocks comes due over SPREAD seconds
log "$DUE clocks coming due over ${SPREAD}s, ${LEAD}s from now"
insert_due "$TAG-due" "$DUE" "$LEAD" "$SPREAD"
query="SELECT count(*), count(DISTINCT payload->'data'->>'complaintId'),
    coalesce(round(1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY d))::text, '-'),
    coalesce(round(1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY d))::text, '-'),
    coalesce(round(1000 * max(d))::text, '-')
  FROM (SELECT payload, extract(epoch FROM occurred_at - (payload->'data'->>'dueAt')::timestamptz) AS d
        FROM outbox_event WHERE message_key = '$TAG-due' AND event_type = 'io.careline.SlaBreached.v1') AS breached"
deadline=$(( SECONDS + LEAD + SPREAD + 60 ))
while :; do
  IFS='|' read -r rows distinct p50 p99 max <<<"$(pg_careline -d $DB -c "$query")"
  (( distinct >= DUE || SECONDS > deadline )) && break
  sleep 1
done
result "SlaBreached after target, p50 ($OPEN open)" "$p50" ms
result "SlaBreached after target, p99 (goal ≤ 5000)" "$p99" ms
result "SlaBreached after target, max" "$max" ms
result "due clocks breached within $(( LEAD + SPREAD + 60 ))s" "$distinct" "of $DUE"
result "SlaBreached rows more than one per clock (goal 0)" "$(( rows - distinct ))" "of $rows"
(( distinct == DUE )) || warn "$(( DUE - distinct )) due clocks had no SlaBreached row in time"
