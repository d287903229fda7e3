#!/usr/bin/env bash
# Time from start to the escalation policy's learned opinion being in use (and the demo intents trained),
# on a first start (fresh H2 data dir) and a restart on the same data.
#
#   bench/learned-opinion.sh            # 1 run, server on both cores, default JVM options
#   RUNS=3 JAR=/tmp/other.jar bench/learned-opinion.sh
#
# Each run: "first" = empty database, then "restart" = the same data dir. Times are from just before the
# JVM is exec'd until: /actuator/health says UP; the log says the learned opinion is in use ("Escalation
# model ... loaded" or "Escalation examples learned"); the log says the demo intent set was trained (or its shipped model taken up).
# Log lines are polled every 50 ms. Full output also goes to bench/results/learned-opinion-<timestamp>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

RUNS="${RUNS:-1}"
PORT="${PORT:-8097}"
CPUS="${CPUS:-0,1}"
TIMEOUT="${TIMEOUT:-600}"
read -r -a OPTS <<<"${JAVA_OPTS:-}"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

mkdir -p "$BENCH_DIR/results"
OUT="$BENCH_DIR/results/learned-opinion-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$OUT") 2>&1

echo "# learned-opinion: runs=$RUNS port=$PORT cpus=$CPUS jar=$JAR java options='${JAVA_OPTS:-}'"
machine_info | sed 's/^/# /'

export TANDEM_BOOTSTRAP_ADMIN_PASSWORD="${TANDEM_BOOTSTRAP_ADMIN_PASSWORD:-bench-admin-password}"
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD

OPINION='Escalation (examples learned|model .*loaded)'
INTENTS='Intent set .*(trained in|shipped in the jar)'

printf '%-4s %-8s %10s %12s %12s  %s\n' run kind healthy_ms opinion_ms intents_ms how
for run in $(seq 1 "$RUNS"); do
  export TANDEM_DATA_DIR
  TANDEM_DATA_DIR="$(mktemp -d /tmp/tandem-opinion.XXXXXX)"
  for kind in first restart; do
    log="$TANDEM_DATA_DIR/server-$kind.log"
    start_server "$PORT" "$log" "$CPUS" "${OPTS[@]}"
    healthy=""; opinion=""; intents=""
    deadline=$(( $(now_ns) + TIMEOUT * 1000000000 ))
    while [ "$(now_ns)" -lt "$deadline" ]; do
      kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; break; }
      t=$(now_ns)
      if [ -z "$healthy" ] && curl -s --max-time 1 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
        healthy=$(( (t - SERVER_START_NS) / 1000000 ))
      fi
      if [ -z "$opinion" ] && grep -qE "$OPINION" "$log"; then opinion=$(( (t - SERVER_START_NS) / 1000000 )); fi
      if [ -z "$intents" ] && grep -qE "$INTENTS" "$log"; then intents=$(( (t - SERVER_START_NS) / 1000000 )); fi
      # a restart has no intent training (the set is stored): stop once healthy and the opinion is in use
      if [ -n "$healthy" ] && [ -n "$opinion" ] && { [ -n "$intents" ] || [ "$kind" = restart ]; }; then break; fi
      sleep 0.05
    done
    how=$(grep -oE "$OPINION.*" "$log" | head -1 || true)
    printf '%-4s %-8s %10s %12s %12s  %s\n' "$run" "$kind" "${healthy:-?}" "${opinion:-?}" "${intents:--}" "$how"
    grep -E "$INTENTS" "$log" | sed 's/^/#   /' || true
    # a learned model is stored after the log line: give it time before stopping, or the restart learns again
    if grep -qE 'Escalation examples learned' "$log"; then sleep 10; fi
    stop_server
  done
  rm -rf "$TANDEM_DATA_DIR"
done
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $OUT"
