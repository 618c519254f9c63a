# Resident memory (ps -o rss) of each service and the gateway: idle, before the first benchmark of the run, and the
# highest of the snapshots bench/run takes at the end of each load phase ($BENCH_OUT/rss.tsv: phase, service, MiB).
set -Eeuo pipefail
source "$ROOT/bench/lib/common.sh"

snapshots=$BENCH_OUT/rss.tsv
for s in "${SERVICES[@]}"; do
  name=${s%%:*}
  idle=$(awk -F'\t' -v s="$name" '$1 == "idle" && $2 == s { print $3 }' "$snapshots" 2>/dev/null | head -1)
  peak=$(awk -F'\t' -v s="$name" '$1 != "idle" && $2 == s && $3 > m { m = $3; p = $1 } END { if (m) print m "\t" p }' "$snapshots" 2>/dev/null)
  if [[ -n $peak ]]; then
    result "RSS $name, end of load phases (highest: ${peak#*$'\t'})" "${peak%%$'\t'*}" MiB "$idle" "idle MiB"
  elif [[ -n $idle ]]; then
    result "RSS $name, idle (no load phase in this run)" "$idle" MiB
  else
    pid=$(pid_on_port "${s##*:}")
    [[ -n $pid ]] && result "RSS $name, now" "$(rss_mib "$pid")" MiB || warn "$name: not running"
  fi
done
