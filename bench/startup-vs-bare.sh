#!/usr/bin/env bash
# Start-up to healthy of Tandem against a bare Spring Boot app with the same main starters
# (bench/bare-app), measured alternately in one run so that the ratio survives a busy machine.
#
#   ./mvnw -q package -DskipTests && ./mvnw -q -f bench/bare-app/pom.xml package
#   bench/startup-vs-bare.sh                    # RUNS=5, both cores, default JVM options
#   RUNS=3 JAVA_OPTS="-Xmx512m" bench/startup-vs-bare.sh
#   JAR=/tmp/x/tandem.jar JAVA_OPTS="-XX:SharedArchiveFile=/tmp/x/tandem.jsa" \
#     BARE_JAVA_OPTS="-XX:SharedArchiveFile=/tmp/b/bare-app.jsa" BARE_JAR=/tmp/b/bare-app.jar bench/startup-vs-bare.sh
#   BEFORE_JAR=/tmp/tandem-before.jar bench/startup-vs-bare.sh   # a third app in the rotation: an earlier build
#                                                                # (or another layout; options BEFORE_JAVA_OPTS)
#
# Each round, in this order: Tandem first start (a fresh H2 data dir: migrations, admin and demo seeding),
# the bare app's first start (a fresh data dir: its one migration, the session schema), Tandem restart on
# its data dir, the bare app's restart on its data dir; the order of the two apps alternates from round to
# round. Time to ready = from just before the JVM is exec'd until GET /actuator/health answers UP (polled
# every 50 ms); both apps answer UP only when the readiness state is ACCEPTING_TRAFFIC. Also the JVM's CPU
# time (user + sys, /proc/<pid>/stat) at that moment, which a busy machine distorts less than wall time.
# Prints one line per start, the medians and the ratios Tandem / bare; the full output also goes to
# bench/results/startup-vs-bare-<timestamp>.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

RUNS="${RUNS:-5}"
PORT="${PORT:-8096}"
CPUS="${CPUS:-0,1}"
TANDEM_JAR="$JAR"
BARE_JAR="${BARE_JAR:-$BENCH_DIR/bare-app/target/bare-app.jar}"
BEFORE_JAR="${BEFORE_JAR:-}"
read -r -a TANDEM_OPTS <<<"${JAVA_OPTS:-}"
read -r -a BARE_OPTS <<<"${BARE_JAVA_OPTS:-${JAVA_OPTS:-}}"
read -r -a BEFORE_OPTS <<<"${BEFORE_JAVA_OPTS:-${JAVA_OPTS:-}}"
[ -f "$TANDEM_JAR" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
[ -f "$BARE_JAR" ] || { echo "build first: ./mvnw -q -f bench/bare-app/pom.xml package" >&2; exit 1; }

mkdir -p "$BENCH_DIR/results"
OUT="$BENCH_DIR/results/startup-vs-bare-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$OUT") 2>&1

echo "# startup-vs-bare: runs=$RUNS port=$PORT cpus=$CPUS demo=${TANDEM_DEMO:-true}"
echo "# tandem: $TANDEM_JAR options='${JAVA_OPTS:-}'"
echo "# bare:   $BARE_JAR options='${BARE_JAVA_OPTS:-${JAVA_OPTS:-}}'"
[ -n "$BEFORE_JAR" ] && echo "# before: $BEFORE_JAR options='${BEFORE_JAVA_OPTS:-${JAVA_OPTS:-}}'"
machine_info | sed 's/^/# /'

export TANDEM_BOOTSTRAP_ADMIN_PASSWORD="${TANDEM_BOOTSTRAP_ADMIN_PASSWORD:-bench-admin-password}"
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# cpu_ms PID: user + system CPU time of the process so far
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

declare -A WALL CPU
tandem_dir=""; bare_dir=""; before_dir=""

# one_start APP KIND: starts APP (tandem|bare) on its data dir, waits for UP, records, stops it
one_start() {
  local app="$1" kind="$2" log ms cpu started
  if [ "$app" = tandem ]; then
    JAR="$TANDEM_JAR"; export TANDEM_DATA_DIR="$tandem_dir"
    log="$tandem_dir/server-$kind.log"
    start_server "$PORT" "$log" "$CPUS" "${TANDEM_OPTS[@]}"
  elif [ "$app" = before ]; then
    JAR="$BEFORE_JAR"; export TANDEM_DATA_DIR="$before_dir"
    log="$before_dir/server-$kind.log"
    start_server "$PORT" "$log" "$CPUS" "${BEFORE_OPTS[@]}"
  else
    JAR="$BARE_JAR"; export TANDEM_DATA_DIR="$bare_dir"
    log="$bare_dir/server-$kind.log"
    start_server "$PORT" "$log" "$CPUS" "${BARE_OPTS[@]}"
  fi
  wait_healthy "$PORT" 300
  cpu=$(cpu_ms "$SERVER_PID")
  ms=$(( (HEALTHY_NS - SERVER_START_NS) / 1000000 ))
  started=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$log" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1 || echo '?')
  printf '%-4s %-7s %-8s %10s %10s %12s %8s\n' "$run" "$app" "$kind" "$ms" "$cpu" "$started" "$(cut -d' ' -f1 /proc/loadavg)"
  WALL[$app-$kind]="${WALL[$app-$kind]:-} $ms"
  CPU[$app-$kind]="${CPU[$app-$kind]:-} $cpu"
  stop_server
}

printf '%-4s %-7s %-8s %10s %10s %12s %8s\n' run app kind ready_ms cpu_ms started_in_s load1
for run in $(seq 1 "$RUNS"); do
  tandem_dir="$(mktemp -d /tmp/tandem-startup.XXXXXX)"
  # TANDEM_SEED_DIR: Tandem's "first start" is on a copy of a prepared data dir (e.g. 10,000 chunks stored by
  # IndexStartBenchmark --keep), as a new node or a new version meets an existing knowledge base
  if [ -n "${TANDEM_SEED_DIR:-}" ]; then cp -r "$TANDEM_SEED_DIR"/. "$tandem_dir"/; fi
  bare_dir="$(mktemp -d /tmp/bare-startup.XXXXXX)"
  before_dir="$(mktemp -d /tmp/before-startup.XXXXXX)"
  apps="tandem bare"; [ -n "$BEFORE_JAR" ] && apps="tandem bare before"
  # rotate the order from round to round, so that no app always follows the same one
  read -r -a list <<<"$apps"; n=${#list[@]}; order=""
  for i in $(seq 0 $((n - 1))); do order="$order ${list[$(( (i + run - 1) % n ))]}"; done
  for kind in first restart; do
    for app in $order; do one_start "$app" "$kind"; done
  done
  rm -rf "$tandem_dir" "$bare_dir" "$before_dir"
done

echo
med() { printf '%s\n' $1 | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
for kind in first restart; do
  tw=$(med "${WALL[tandem-$kind]}"); bw=$(med "${WALL[bare-$kind]}")
  tc=$(med "${CPU[tandem-$kind]}"); bc=$(med "${CPU[bare-$kind]}")
  printf '%-8s median ready: tandem %6s ms, bare %6s ms, ratio %s   | CPU: tandem %6s ms, bare %6s ms, ratio %s\n' \
    "$kind" "$tw" "$bw" "$(ratio "$tw" "$bw")" "$tc" "$bc" "$(ratio "$tc" "$bc")"
  if [ -n "$BEFORE_JAR" ]; then
    fw=$(med "${WALL[before-$kind]}"); fc=$(med "${CPU[before-$kind]}")
    printf '%-8s median ready: before %6s ms, bare %6s ms, ratio %s   | CPU: before %6s ms, bare %6s ms, ratio %s\n' \
      "$kind" "$fw" "$bw" "$(ratio "$fw" "$bw")" "$fc" "$bc" "$(ratio "$fc" "$bc")"
  fi
done
# per-round ratios (each Tandem start against the bare start next to it), a check on the medians' ratio
for kind in first restart; do
  read -r -a t <<<"${WALL[tandem-$kind]}"; read -r -a b <<<"${WALL[bare-$kind]}"
  rs=""; for i in "${!t[@]}"; do rs="$rs $(ratio "${t[$i]}" "${b[$i]}")"; done
  echo "$kind per-round ratios:$rs (median $(printf '%s\n' $rs | median))"
done
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $OUT"
