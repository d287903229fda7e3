#!/usr/bin/env bash
# Customer message POST under load, on H2 and on PostgreSQL.
#
#   bench/load.sh                         # both databases, 600 msg/s, 15 s warm-up + 60 s measured
#   DB=h2 RATES="600 1000" DURATION=30 bench/load.sh
#
# Per database: a fresh database (H2: new data dir; PostgreSQL: new schema bench_<time> in database "test",
# dropped afterwards unless KEEP_SCHEMA=1), the server pinned to core $SERVER_CPUS (default 0) with
# -Xmx$HEAP (default 512m) and a GC log, the load generator pinned to core $GEN_CPUS (default 1).
# One LoadGenerator run per rate in $RATES on fresh conversations, then a baseline run on the same (now warm)
# server: GET /actuator/health at the first rate for BASELINE_DURATION s, to express the server's CPU time per
# message as a ratio to a trivial request through the same stack (Tomcat, filters, a pool round trip). Heap is sampled every second with
# jcmd GC.heap_info; peak heap is also read from the GC log (occupancy before each collection); the
# server's CPU time per request comes from /proc/<pid>/stat.
# PREWARM=RATE:SECONDS runs the generator once before the measured runs (not recorded), so that rates near
# capacity are measured on a JIT-compiled server; the first run on a cold one-core server pays for JIT.
# Results: bench/results/load-<timestamp>/ (summary.txt, generator output, GC logs, server logs).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap 'stop_sampler; bench_cleanup' EXIT

DB="${DB:-both}"
RATES="${RATES:-600}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-15}"
CONVERSATIONS="${CONVERSATIONS:-200}"
CONNECTIONS="${CONNECTIONS:-32}"
CLIENT="${CLIENT:-socket}"
PORT="${PORT:-8094}"
SERVER_CPUS="${SERVER_CPUS:-0}"
GEN_CPUS="${GEN_CPUS:-1}"
HEAP="${HEAP:-512m}"
BASELINE_DURATION="${BASELINE_DURATION:-20}"
PG_URL_BASE="${PG_URL_BASE:-jdbc:postgresql://127.0.0.1:5432/test}"
PG_USER="${PG_USER:-postgres}"
JFR="${JFR:-0}"
PREWARM="${PREWARM:-}"   # e.g. 1000:60 = before the measured runs, 60 s at 1000/s, not recorded (JIT warm-up)
DEMO="${DEMO:-false}"     # true: the demo workspace (assistant, knowledge, understanding, escalation) is on
QUESTIONS="${QUESTIONS:-}" # a JSONL file of {"question"}: messages are real customer questions (with DEMO=true)
SETTLE="${SETTLE:-0}"     # seconds to let the assistant's replies arrive before reading back (reply latency)
read -r -a EXTRA_OPTS <<<"${JAVA_OPTS:-}"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUTDIR="$BENCH_DIR/results/load-$STAMP"
mkdir -p "$OUTDIR"
SUMMARY="$OUTDIR/summary.txt"
exec > >(tee "$OUTDIR/console.txt") 2>&1

SAMPLER_PID=""
stop_sampler() { if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; fi; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS_PER_S=$(getconf CLK_TCK)

{
  echo "# load: db=$DB demo=$DEMO questions=${QUESTIONS:-none} rates=$RATES prewarm=${PREWARM:-none} warmup=${WARMUP}s duration=${DURATION}s conversations=$CONVERSATIONS connections=$CONNECTIONS client=$CLIENT"
  echo "# server: taskset -c $SERVER_CPUS java -Xmx$HEAP ${JAVA_OPTS:-} -jar target/tandem.jar; generator: taskset -c $GEN_CPUS java bench/LoadGenerator.java"
  machine_info | sed 's/^/# /'
} | tee "$SUMMARY"

# warm the generator's source-launcher compile cache (nothing is cached: it compiles each time, ~1-2 s on one core,
# before the load starts; this only checks it compiles)
java bench/LoadGenerator.java --help >/dev/null

run_db() {
  local db="$1"
  local dir="$OUTDIR/$db"
  mkdir -p "$dir"
  local schema=""
  export TANDEM_DEMO="$DEMO" TANDEM_CHANNEL_RATELIMIT_ENABLED=false TANDEM_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
  export TANDEM_DATA_DIR="$dir/data"
  if [ "$db" = pg ]; then
    schema="bench_$(date +%s)"
    export SPRING_DATASOURCE_URL="$PG_URL_BASE?currentSchema=$schema" SPRING_DATASOURCE_USERNAME="$PG_USER" SPRING_FLYWAY_SCHEMAS="$schema"
  else
    unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_FLYWAY_SCHEMAS
  fi
  local jfr=()
  if [ "$JFR" = 1 ]; then jfr=("-XX:StartFlightRecording=filename=$dir/server.jfr,settings=profile"); fi
  start_server "$PORT" "$dir/server.log" "$SERVER_CPUS" "-Xmx$HEAP" "-Xlog:gc:file=$dir/gc.log" "${jfr[@]}" "${EXTRA_OPTS[@]}"
  wait_healthy "$PORT" 180
  local pid="$SERVER_PID"
  echo "## $db: server pid $pid healthy after $(( (HEALTHY_NS - SERVER_START_NS) / 1000000 )) ms${schema:+, schema $schema}; GC: $(jcmd "$pid" VM.flags 2>/dev/null | grep -oE 'Use[A-Za-z0-9]+GC' | head -1)" | tee -a "$SUMMARY"

  ( while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s) $(heap_used_mib "$pid")"; sleep 1; done ) >"$dir/heap-samples.txt" 2>/dev/null &
  SAMPLER_PID=$!

  local first_rate="${RATES%% *}"
  local c0 c1 n
  local cpu_per_rate=()
  if [ -n "$PREWARM" ]; then
    taskset -c "$GEN_CPUS" java bench/LoadGenerator.java --base "http://127.0.0.1:$PORT" --rate "${PREWARM%%:*}" \
      --warmup 0 --duration "${PREWARM#*:}" --conversations "$CONVERSATIONS" --connections "$CONNECTIONS" \
      --client "$CLIENT" --no-verify --label "$db-prewarm" >"$dir/prewarm.txt" 2>&1 || true
    echo "   $db: pre-warmed the server with ${PREWARM#*:} s at ${PREWARM%%:*}/s (not recorded): $(grep '^RESULT' "$dir/prewarm.txt")" | tee -a "$SUMMARY"
  fi
  for rate in $RATES; do
    c0=$(cpu_ticks "$pid")
    local gc_before
    gc_before=$(wc -l <"$dir/gc.log")
    taskset -c "$GEN_CPUS" java bench/LoadGenerator.java --base "http://127.0.0.1:$PORT" --rate "$rate" \
      --warmup "$WARMUP" --duration "$DURATION" --conversations "$CONVERSATIONS" --connections "$CONNECTIONS" \
      --client "$CLIENT" --label "$db-$rate" ${QUESTIONS:+--questions "$QUESTIONS"} --settle "$SETTLE" \
      >"$dir/load-$rate.txt" 2>&1 || true
    c1=$(cpu_ticks "$pid")
    n=$(awk -v r="$rate" -v d="$DURATION" -v w="$WARMUP" 'BEGIN{print r*(d+w)}')
    local cpu_ms peak gcs maxpause
    cpu_ms=$(awk -v t=$((c1 - c0)) -v hz="$TICKS_PER_S" -v n="$n" 'BEGIN{printf "%.3f", t*1000/hz/n}')
    cpu_per_rate+=("$rate:$cpu_ms")
    tail -n +"$((gc_before + 1))" "$dir/gc.log" >"$dir/gc-$rate.log"
    peak=$(gc_peak_mib "$dir/gc-$rate.log"); gcs=$(gc_count "$dir/gc-$rate.log"); maxpause=$(gc_max_pause_ms "$dir/gc-$rate.log")
    echo "$(grep '^RESULT' "$dir/load-$rate.txt" || echo "RESULT label=$db-$rate FAILED, see $dir/load-$rate.txt") serverCpuMsPerMessage=$cpu_ms gcPeakHeapMiB=${peak:-?} gcPauses=${gcs:-0} gcMaxPauseMs=${maxpause:-?}" | tee -a "$SUMMARY"
    grep -E '^(latency|service|errors|throughput|messages|verification|in flight|assistant replies|reply latency|REPLIES)' "$dir/load-$rate.txt" | sed 's/^/    /' | tee -a "$SUMMARY"
  done
  c0=$(cpu_ticks "$pid")
  taskset -c "$GEN_CPUS" java bench/LoadGenerator.java --base "http://127.0.0.1:$PORT" --get /actuator/health \
    --rate "$first_rate" --warmup 5 --duration "$BASELINE_DURATION" --connections "$CONNECTIONS" --client "$CLIENT" \
    --label "$db-baseline-health" >"$dir/baseline.txt" 2>&1 || true
  c1=$(cpu_ticks "$pid")
  n=$(awk -v r="$first_rate" -v d="$BASELINE_DURATION" 'BEGIN{print r*(d+5)}')
  local base_cpu_ms
  base_cpu_ms=$(awk -v t=$((c1 - c0)) -v hz="$TICKS_PER_S" -v n="$n" 'BEGIN{printf "%.3f", t*1000/hz/n}')
  echo "$(grep '^RESULT' "$dir/baseline.txt") serverCpuMsPerRequest=$base_cpu_ms" | tee -a "$SUMMARY"
  for rc in "${cpu_per_rate[@]}"; do
    echo "   $db: server CPU per message at ${rc%%:*}/s = ${rc#*:} ms = $(awk -v a="${rc#*:}" -v b="$base_cpu_ms" 'BEGIN{printf "%.2f", a/b}') x a GET /actuator/health (baseline, same server, after the load)" | tee -a "$SUMMARY"
  done

  local heap_max
  heap_max=$(awk '$2 != "" && $2 > m {m = $2} END {print m + 0}' "$dir/heap-samples.txt")
  echo "   $db: heap used, max of 1 s jcmd samples: ${heap_max} MiB; GC-log peak over the server's life: $(gc_peak_mib "$dir/gc.log") MiB (-Xmx$HEAP); RSS at the end: $(rss_mib "$pid") MiB" | tee -a "$SUMMARY"
  if [ "$JFR" = 1 ]; then jcmd "$pid" JFR.dump filename="$dir/server.jfr" >/dev/null 2>&1 || true; fi
  stop_sampler
  stop_server
  if [ "$db" = pg ] && [ "${KEEP_SCHEMA:-0}" != 1 ]; then
    psql -q -h 127.0.0.1 -U "$PG_USER" test -c "drop schema $schema cascade" >/dev/null 2>&1 || echo "could not drop schema $schema" >&2
  fi
  rm -rf "$dir/data"
}

case "$DB" in
  h2) run_db h2 ;;
  pg|postgresql) run_db pg ;;
  both) run_db h2; run_db pg ;;
  *) echo "DB must be h2, pg or both" >&2; exit 2 ;;
esac
echo "# load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$SUMMARY"
echo "results: $OUTDIR"
