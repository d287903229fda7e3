# Shared helpers for the bench scripts; sourced, not run.
# Every server started here is recorded in $BENCH_PIDS and killed by bench_cleanup (trap on EXIT).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$REPO_DIR/target/tandem.jar}"
BENCH_PIDS=""

bench_cleanup() {
  for p in $BENCH_PIDS; do
    if kill -0 "$p" 2>/dev/null; then
      kill "$p" 2>/dev/null
      for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$p" 2>/dev/null || true
    fi
  done
  BENCH_PIDS=""
}

now_ns() { date +%s%N; }

# machine_info: one line per fact, for the results files
machine_info() {
  echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "cpus:    $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
  echo "ram:     $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "jdk:     $(java -version 2>&1 | head -2 | tail -1)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"
  echo "other java processes: $(pgrep -c java || true)"
  echo "commit:  $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null)$(git -C "$REPO_DIR" diff --quiet -- src 2>/dev/null || echo ' (src modified)')"
}

# start_server PORT LOGFILE [cpu-list] [java options...]
# environment for the app is taken from the caller's exported variables.
# Sets SERVER_PID and SERVER_START_NS (taken just before the JVM is exec'd).
start_server() {
  local port="$1" log="$2" cpus="$3"; shift 3
  if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
    echo "port $port is already in use" >&2; return 1
  fi
  local pin=()
  if [ -n "$cpus" ]; then pin=(taskset -c "$cpus"); fi
  SERVER_START_NS=$(now_ns)
  SERVER_PORT="$port" "${pin[@]}" java "$@" -jar "$JAR" >"$log" 2>&1 &
  SERVER_PID=$!
  BENCH_PIDS="$BENCH_PIDS $SERVER_PID"
}

# wait_healthy PORT [timeout-seconds]: polls /actuator/health every 50 ms until it says UP;
# sets HEALTHY_NS. Returns 1 on timeout or when the server died.
wait_healthy() {
  local port="$1" timeout="${2:-120}"
  local deadline=$(( $(now_ns) + timeout * 1000000000 ))
  while [ "$(now_ns)" -lt "$deadline" ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server died" >&2; return 1; fi
    if curl -s --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      HEALTHY_NS=$(now_ns)
      return 0
    fi
    sleep 0.05
  done
  echo "not healthy after ${timeout}s" >&2
  return 1
}

stop_server() {
  local p="$SERVER_PID"
  [ -z "$p" ] && return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  BENCH_PIDS="${BENCH_PIDS// $p/}"
  SERVER_PID=""
}

rss_mib() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

# heap_used_mib PID: current heap use as jcmd GC.heap_info reports it (Serial, Parallel or G1)
heap_used_mib() {
  jcmd "$1" GC.heap_info 2>/dev/null | awk '
    /garbage-first heap/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub("K,?","",v); print int(v/1024); exit } }
    /def new generation|PSYoungGen/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub("K,?","",v); y=v } }
    /tenured generation|ParOldGen/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub("K,?","",v); o=v } }
    END { if (y!="" || o!="") print int((y+o)/1024) }'
}

# gc_peak_mib GCLOG: the largest heap occupancy seen before a collection in an -Xlog:gc log ("123M->45M(512M)")
gc_peak_mib() {
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$1" 2>/dev/null | sed -E 's/M->.*//' | sort -n | tail -1
}
gc_count() { grep -cE 'Pause' "$1" 2>/dev/null; }
gc_max_pause_ms() {
  grep -E 'Pause' "$1" 2>/dev/null | grep -oE '[0-9.]+ms$' | sed 's/ms//' | sort -g | tail -1
}

wait_quiet() {
  # wait_quiet MAX_MINUTES: waits until the 1-minute load is below 0.5 and no other java runs
  local max="${1:-40}" waited=0
  while :; do
    local load others
    load=$(cut -d' ' -f1 /proc/loadavg)
    others=$(pgrep -c java || true)
    if awk -v l="$load" 'BEGIN{exit !(l<0.5)}' && [ "$others" = 0 ]; then return 0; fi
    if [ "$waited" -ge $((max * 2)) ]; then echo "machine still busy (load $load, $others java) after $max min" >&2; return 1; fi
    echo "busy (load $load, $others other java processes); waiting..." >&2
    sleep 30; waited=$((waited+1))
  done
}
