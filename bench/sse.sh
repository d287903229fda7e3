#!/usr/bin/env bash
# Open SSE connections held at once, and the server heap while it holds them.
#
#   bench/sse.sh                      # 2000 streams, server with -Xmx1g on core 0, client on core 1
#   CONNECTIONS="2000 5000" HOLD=60 bench/sse.sh
#
# A fresh H2 server (demo off, rate limits off) per count in $CONNECTIONS; bench/SseConnections.java creates
# the conversations, opens one stream per conversation, holds them HOLD s (> the 25 s keep-alive period),
# checks SAMPLE streams receive their message event, and reads the heap with jcmd (before/after a full GC).
# With SHUTDOWN=1 (default) the server is then stopped with SIGTERM while the streams are still open, and the
# time until it exits is reported (server.shutdown=graceful waits for open requests, streams included).
# -Xmx$HEAP (default 1g) makes "under 1 GB heap" a hard limit: an OutOfMemoryError would fail the run.
# Results: bench/results/sse-<timestamp>/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

CONNECTIONS="${CONNECTIONS:-2000}"
HOLD="${HOLD:-40}"
SAMPLE="${SAMPLE:-200}"
PORT="${PORT:-8095}"
HEAP="${HEAP:-1g}"
SERVER_CPUS="${SERVER_CPUS:-0}"
GEN_CPUS="${GEN_CPUS:-1}"
SHUTDOWN="${SHUTDOWN:-1}"   # 1: at the end, stop the server with SIGTERM while the streams are open and time it
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

OUTDIR="$BENCH_DIR/results/sse-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUTDIR"
exec > >(tee "$OUTDIR/console.txt") 2>&1
echo "# sse: connections=$CONNECTIONS hold=${HOLD}s sample=$SAMPLE; server: taskset -c $SERVER_CPUS java -Xmx$HEAP -jar target/tandem.jar; client: taskset -c $GEN_CPUS java bench/SseConnections.java"
echo "# ulimit -n: $(ulimit -n) (each stream is one descriptor on each side)"
machine_info | sed 's/^/# /'

export TANDEM_DEMO=false TANDEM_CHANNEL_RATELIMIT_ENABLED=false TANDEM_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_FLYWAY_SCHEMAS
for n in $CONNECTIONS; do
  export TANDEM_DATA_DIR="$OUTDIR/data-$n"
  start_server "$PORT" "$OUTDIR/server-$n.log" "$SERVER_CPUS" "-Xmx$HEAP" "-Xlog:gc:file=$OUTDIR/gc-$n.log"
  wait_healthy "$PORT" 180
  echo "## $n streams: server pid $SERVER_PID, GC $(jcmd "$SERVER_PID" VM.flags 2>/dev/null | grep -oE 'Use[A-Za-z0-9]+GC' | head -1)"
  taskset -c "$GEN_CPUS" java -Xss256k bench/SseConnections.java --base "http://127.0.0.1:$PORT" --connections "$n" \
    --hold "$HOLD" --sample "$SAMPLE" --pid "$SERVER_PID" --histogram "$OUTDIR/histogram-$n.txt" \
    $([ "$SHUTDOWN" = 1 ] && echo --shutdown-server) || echo "SseConnections failed"
  echo "   GC-log peak heap: $(gc_peak_mib "$OUTDIR/gc-$n.log") MiB; out of memory: $(grep -c OutOfMemoryError "$OUTDIR/server-$n.log" || true)"
  stop_server   # normally stopped already by SseConnections --shutdown-server
  rm -rf "$TANDEM_DATA_DIR"
done
echo "# load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $OUTDIR"
