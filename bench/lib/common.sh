# Shared by bench/run and every bench/benchmarks/*.sh (sourced, never run). Bash.
#
# A benchmark reports figures with `result`; bench/run prints them as one table:
#   result <figure> <value> <unit> [<baseline value> <baseline label>]
# ratio = value / baseline. Figures of the current run are in $BENCH_OUT/results.tsv.

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
BENCH=$ROOT/bench
HOST=127.0.0.1
GATEWAY=http://$HOST:8080
COMPLAINT=http://$HOST:8082
KAFKA=$HOST:9092
KAFKA_JARS="$ROOT/.careline/downloads/kafka/*"
# how benchmarks stop and start one component (overridable: e.g. a shim for apps started by hand)
CARELINE=${BENCH_CARELINE:-$ROOT/careline}

QUICK=${BENCH_QUICK:-0}
# quick_or <full value> <quick value>
quick_or() { if [[ $QUICK == 1 ]]; then echo "$2"; else echo "$1"; fi; }

log()  { printf '  %s\n' "$*" >&2; }
warn() { printf '  ! %s\n' "$*" >&2; }
die()  { printf '✗ %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
ready() { curl -fs -o /dev/null --max-time 3 "http://$HOST:$1/q/health/ready"; }

# ---------------------------------------------------------------- results

# The current benchmark's name, set by bench/run before it runs one.
BENCH_NAME=${BENCH_NAME:-}

result() { # figure value unit [baseline baseline-label]
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$BENCH_NAME" "$1" "$2" "$3" "${4:-}" "${5:-}" >>"$BENCH_OUT/results.tsv"
  printf '  %-44s %12s %-6s %s\n' "$1" "$2" "$3" "${4:+(baseline $4 ${5:-})}" >&2
}

# A figure recorded earlier in this run (or the last run), e.g. to derive a rate from a saturation: figure -> value
figure() { # benchmark figure
  local f
  for f in "$BENCH_OUT/results.tsv" $(ls -1dt "$ROOT"/.careline/bench/*/results.tsv 2>/dev/null); do
    figure_in "$f" "$1" "$2" && return 0
  done
  return 1
}
# The same from one results.tsv, e.g. "$BENCH_OUT/results.tsv" for this run's only
figure_in() { # results.tsv benchmark figure
  [[ -f $1 ]] && awk -F'\t' -v b="$2" -v f="$3" '$1 == b && $2 == f { v = $3 } END { if (v != "") print v }' "$1" | grep .
}

# ---------------------------------------------------------------- tools

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else die "need root to run: $* (install it yourself, then run bench/run again)"; fi
}

need_wrk() {
  command -v wrk >/dev/null && return
  log "installing wrk (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq wrk >/dev/null 2>&1 \
    || { as_root apt-get update -qq >/dev/null 2>&1; as_root apt-get install -y -qq wrk >/dev/null 2>&1; } \
    || die "could not install wrk (apt-get install wrk)"
}

pg_bin() { # the server package's tools (pgbench ships with it)
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [[ -z $bin || ! -x $bin/pgbench ]]; then
    log "installing postgresql (Debian, for pgbench)"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null 2>&1 || die "could not install postgresql"
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$bin"
}

# psql as a superuser, the way ./careline reaches the server: its own cluster's socket, or the postgres account
pg_admin() {
  if [[ $(cat "$ROOT/.careline/run/postgres.mode" 2>/dev/null) == owned ]]; then
    PGOPTIONS='-c client_min_messages=warning' psql -h "$ROOT/.careline/run/pg" -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"
  else as_root runuser -u postgres -- env PGOPTIONS='-c client_min_messages=warning' psql -p 5432 -v ON_ERROR_STOP=1 -qAtX "$@"; fi
}
# psql as the services' role, over loopback
pg_careline() { PGPASSWORD=careline psql -h $HOST -p 5432 -U careline -v ON_ERROR_STOP=1 -qAtX "$@"; }
# Events the complaint service's relay has still to publish (as its careline_outbox_pending gauge counts them;
# parked ones included: they are not out). Read-only: the benchmarks never write into a service's database.
outbox_pending() {
  pg_careline -d careline_complaint -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL
    $(pg_careline -d careline_complaint -c "SELECT 'AND discarded_at IS NULL' FROM information_schema.columns
      WHERE table_name = 'outbox_event' AND column_name = 'discarded_at'")"
}

kafka_java() { java -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -cp "$KAFKA_JARS" "$@"; }
kafka_topic() { kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" "$@"; }

mongo_jars() { # the MongoDB driver the notification service ships with
  local lib=$ROOT/services/notification/target/quarkus-app/lib/main
  ls "$lib"/org.mongodb.bson-[0-9]*.jar "$lib"/org.mongodb.mongodb-driver-core-*.jar "$lib"/org.mongodb.mongodb-driver-sync-*.jar \
    2>/dev/null | paste -sd: | grep . || die "no MongoDB driver jars under $lib: build the notification service"
}
# Our single-file Java tools (bench/tools), run from source: java [-cp ...] File.java args
tool_http()  { java -Xmx256m "$BENCH/tools/OpenLoad.java" "$@"; }
tool_mongo() { java -Xmx256m -cp "$(mongo_jars)" "$BENCH/tools/MongoTool.java" "$@"; }
tool_kafka() { java -Xmx256m -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -cp "$KAFKA_JARS" "$BENCH/tools/KafkaTool.java" "$@"; }

# A fresh token per phase: they live 5 minutes.
token_file() { # user -> path of a file holding an access token
  local f=$BENCH_OUT/token-$1
  "$ROOT/careline" token "$1" >"$f" && [[ -s $f ]] || die "no token for $1 (is Keycloak up?)"
  echo "$f"
}

# key=value lines (our tools' and wrk's summaries) -> one value
kv() { # file key
  sed -n "s/^$2=//p" "$1" | tail -1
}

# wrk against one URL. Prints wrk's output to a file and its key=value summary (bench/tools/*.lua done()).
wrk_run() { # out-file lua-script url seconds connections
  need_wrk
  wrk -t2 -c"$5" -d"$4"s --timeout 10s -s "$2" "$3" >"$1" 2>&1 || { cat "$1" >&2; die "wrk failed"; }
}

# ---------------------------------------------------------------- processes

# The JVM listening on a port (the services' pid files name the same process, but the port cannot be stale).
pid_on_port() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}
rss_mib() { # pid -> resident set in MiB
  ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%.0f", $1 / 1024 }'
}
SERVICES=(gateway:8080 customer:8081 complaint:8082 claim-care:8083 notification:8084)
