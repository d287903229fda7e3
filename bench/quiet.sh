#!/usr/bin/env bash
# bench/quiet.sh COMMAND...: waits (up to QUIET_MAX_MINUTES, default 40) until the 1-minute load average is
# below 0.5 and no java process runs, then runs COMMAND. Exit status 3 when the machine never got quiet.
source "$(dirname "$0")/lib.sh"
wait_quiet "${QUIET_MAX_MINUTES:-40}" || exit 3
echo "# quiet: load $(cut -d' ' -f1-3 /proc/loadavg), $(pgrep -c java || true) java processes" >&2
exec "$@"
