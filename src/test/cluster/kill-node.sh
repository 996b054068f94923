#!/usr/bin/env bash
# kill -9 node N of the cluster started by start.sh: a crash, with no chance to hand anything
# over. HAProxy takes it out after two failed checks (about 2 s); its users go on on another
# node from their replicated sessions. Bring it back with restart-node.sh N.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

n=${1:?usage: kill-node.sh N}
if pid=$(live_pid "$(node_pid_file "$n")"); then
  kill -9 "$pid"
  # SIGKILL is delivered at once, but a large JVM takes a moment to vanish, and its port may
  # accept a connection meanwhile. Return once it is gone, so that "killed" means dead.
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  echo "killed node $n (pid $pid) with SIGKILL"
else
  echo "node $n is not running" >&2
  exit 1
fi
