#!/usr/bin/env bash
# Start-up to healthy, and resident memory after start-up.
#
#   bench/startup.sh            # 5 runs, server on both cores, default JVM options
#   RUNS=3 CPUS=0 JAVA_OPTS="-Xmx512m" bench/startup.sh
#
# Each run: a fresh H2 data dir; "first start" = empty database (Flyway migrations, admin bootstrap and demo
# seeding), then "restart" = the same data dir again. Start-up is the time from just before the JVM is
# exec'd until GET /actuator/health answers UP (polled every 50 ms). RSS is read with ps when health is UP
# and again 5 s later (settled). Prints one line per run and the medians; the full output also goes to
# bench/results/startup-<timestamp>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

RUNS="${RUNS:-5}"
PORT="${PORT:-8096}"
CPUS="${CPUS:-0,1}"
read -r -a OPTS <<<"${JAVA_OPTS:-}"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

mkdir -p "$BENCH_DIR/results"
OUT="$BENCH_DIR/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$OUT") 2>&1

echo "# startup: runs=$RUNS port=$PORT cpus=$CPUS java options='${JAVA_OPTS:-}' demo=${TANDEM_DEMO:-true}"
machine_info | sed 's/^/# /'

export TANDEM_BOOTSTRAP_ADMIN_PASSWORD="${TANDEM_BOOTSTRAP_ADMIN_PASSWORD:-bench-admin-password}"
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

first_ms=(); restart_ms=(); first_rss=(); restart_rss=()
printf '%-4s %-8s %10s %12s %10s %14s\n' run kind healthy_ms started_in_s rss_mib rss_5s_mib
for run in $(seq 1 "$RUNS"); do
  export TANDEM_DATA_DIR
  TANDEM_DATA_DIR="$(mktemp -d /tmp/tandem-startup.XXXXXX)"
  for kind in first restart; do
    log="$TANDEM_DATA_DIR/server-$kind.log"
    start_server "$PORT" "$log" "$CPUS" "${OPTS[@]}"
    wait_healthy "$PORT" 120
    ms=$(( (HEALTHY_NS - SERVER_START_NS) / 1000000 ))
    rss=$(rss_mib "$SERVER_PID")
    sleep 5
    rss5=$(rss_mib "$SERVER_PID")
    started=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$log" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1 || echo '?')
    printf '%-4s %-8s %10s %12s %10s %14s\n' "$run" "$kind" "$ms" "$started" "$rss" "$rss5"
    if [ "$kind" = first ]; then first_ms+=("$ms"); first_rss+=("$rss5"); else restart_ms+=("$ms"); restart_rss+=("$rss5"); fi
    stop_server
  done
  rm -rf "$TANDEM_DATA_DIR"
done

echo
echo "median first start to healthy:  $(printf '%s\n' "${first_ms[@]}" | median) ms   (RSS 5 s later: $(printf '%s\n' "${first_rss[@]}" | median) MiB)"
echo "median restart to healthy:      $(printf '%s\n' "${restart_ms[@]}" | median) ms   (RSS 5 s later: $(printf '%s\n' "${restart_rss[@]}" | median) MiB)"
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $OUT"
