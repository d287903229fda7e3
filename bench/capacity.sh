#!/usr/bin/env bash
# The assistant's answered capacity: the highest message rate at which its replies arrive with p95 <= 1 s, and
# that rate as a share of the ceiling set by the embedding model's own cost per message, both in one run.
#
#   bench/capacity.sh                                  # RATES="20 40 60 80 100" DURATION=30
#   RATES="20 40" SERVER_CPUS=0 bench/capacity.sh
#
# 1. The ceiling: dev.tandem.ai.EmbeddingCost embeds the questions one at a time, each with a unique marker as the
#    generator sends them, pinned to the server's cores ($SERVER_CPUS, default 0): 1000 / (ms per message).
# 2. A fresh H2 server with the demo workspace (assistant, knowledge, understanding, escalation), pinned likewise,
#    -Xmx$HEAP; once healthy (ready), per rate: LoadGenerator on $GEN_CPUS with real customer questions
#    ($QUESTIONS, default the Northwind validation set), each message starting a new conversation (one assistant
#    turn per message: no conversation is handed over by its earlier turns), $WARMUP s + $DURATION s, then $SETTLE s
#    for the last replies; reply latency is read from the stored messages' times.
# Needs ./mvnw -q package -DskipTests and the test classpath:
#   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap 'bench_cleanup' EXIT

RATES="${RATES:-20 40 60 80 100}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
SETTLE="${SETTLE:-40}"
PORT="${PORT:-8093}"
SERVER_CPUS="${SERVER_CPUS:-0}"
GEN_CPUS="${GEN_CPUS:-1}"
HEAP="${HEAP:-1g}"
QUESTIONS="${QUESTIONS:-$REPO_DIR/src/test/resources/eval/northwind/validation.jsonl}"
JFR="${JFR:-0}"          # 1: a Flight Recorder profile of the server, $OUTDIR/server.jfr
read -r -a EXTRA_OPTS <<<"${JAVA_OPTS:-}"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
[ -f "$REPO_DIR/target/cp.txt" ] || { echo "build the test classpath first (see the header)" >&2; exit 1; }

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUTDIR="$BENCH_DIR/results/capacity-$STAMP"
mkdir -p "$OUTDIR"
SUMMARY="$OUTDIR/summary.txt"
exec > >(tee "$OUTDIR/console.txt") 2>&1
{
  echo "# capacity: rates=$RATES warmup=${WARMUP}s duration=${DURATION}s settle=${SETTLE}s server cpus=$SERVER_CPUS"
  machine_info | sed 's/^/# /'
} | tee "$SUMMARY"

taskset -c "$SERVER_CPUS" java -Xmx1g -cp "$REPO_DIR/target/test-classes:$REPO_DIR/target/classes:$(cat "$REPO_DIR/target/cp.txt")" \
  dev.tandem.ai.EmbeddingCost "$QUESTIONS" 20 2>/dev/null | tee "$OUTDIR/ceiling.txt" | tee -a "$SUMMARY"
CEILING=$(grep -oE 'messagesPerSecond=[0-9.]+' "$OUTDIR/ceiling.txt" | cut -d= -f2)

export TANDEM_DEMO=true TANDEM_CHANNEL_RATELIMIT_ENABLED=false TANDEM_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
export TANDEM_DATA_DIR="$OUTDIR/data"
jfr=()
if [ "$JFR" = 1 ]; then jfr=("-XX:StartFlightRecording=filename=$OUTDIR/server.jfr,settings=profile"); fi
start_server "$PORT" "$OUTDIR/server.log" "$SERVER_CPUS" "-Xmx$HEAP" "${jfr[@]}" "${EXTRA_OPTS[@]}"
wait_healthy "$PORT" 300
echo "## server healthy after $(( (HEALTHY_NS - SERVER_START_NS) / 1000000 )) ms" | tee -a "$SUMMARY"

BEST=0
for rate in $RATES; do
  taskset -c "$GEN_CPUS" java bench/LoadGenerator.java --base "http://127.0.0.1:$PORT" --rate "$rate" \
    --warmup "$WARMUP" --duration "$DURATION" --connections 16 --start-conversations \
    --questions "$QUESTIONS" --settle "$SETTLE" --label "capacity-$rate" >"$OUTDIR/load-$rate.txt" 2>&1 || true
  line=$(grep '^REPLIES' "$OUTDIR/load-$rate.txt" || echo "REPLIES failed")
  post=$(grep '^RESULT' "$OUTDIR/load-$rate.txt" | grep -oE 'p99=[^ ]+' || echo "p99=?")
  echo "rate $rate/s: $line POST $post" | tee -a "$SUMMARY"
  p95=$(echo "$line" | grep -oE 'p95=[0-9.]+' | cut -d= -f2)
  late=$(echo "$line" | grep -oE 'late=[0-9]+' | cut -d= -f2)
  if [ -n "$p95" ] && awk -v p="$p95" 'BEGIN{exit !(p <= 1000)}' && [ "${late:-1}" = 0 ]; then BEST=$rate; fi
done
echo "CAPACITY ${BEST} msg/s with reply p95 <= 1 s; ceiling ${CEILING} msg/s (embedding only); share $(awk -v b="$BEST" -v c="$CEILING" 'BEGIN{printf "%.0f%%", 100*b/c}')" | tee -a "$SUMMARY"
echo "# load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$SUMMARY"
if [ "$JFR" = 1 ]; then jcmd "$SERVER_PID" JFR.dump filename="$OUTDIR/server.jfr" >/dev/null 2>&1 || true; fi
stop_server
rm -rf "$OUTDIR/data"
echo "results: $OUTDIR"
