#!/usr/bin/env bash
# Stops what src/test/cluster/start.sh started: HAProxy, then every node, each by the pid it
# recorded in the run directory (SIGTERM, then SIGKILL after 30 s). Logs stay in the run directory.
# The database stays too; the next start.sh drops it unless KEEP_DB=1.
set -uo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

stop_pid_file() {
  local f=$1 name pid
  name=$(basename "$f" .pid)
  if pid=$(live_pid "$f"); then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (pid $pid) did not stop in 30 s: killing it"
      kill -9 "$pid" 2>/dev/null
    fi
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$f"
}

[[ -f $RUN_DIR/haproxy.pid ]] && stop_pid_file "$RUN_DIR/haproxy.pid"
for f in "$RUN_DIR"/node-*.pid; do
  [[ -e $f ]] && stop_pid_file "$f" &
done
wait
echo "Cluster stopped; logs in $RUN_DIR"
