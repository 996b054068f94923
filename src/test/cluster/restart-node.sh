#!/usr/bin/env bash
# (Re)starts node N of the cluster started by start.sh, with the same settings, and waits until
# it is ready; a running node N is stopped first (SIGTERM). It joins the Hazelcast cluster
# again, and HAProxy sends it users once two readiness checks in a row pass.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

n=${1:?usage: restart-node.sh N}
(( n >= 1 && n <= NODES )) || { echo "no node $n: the cluster has nodes 1 to $NODES" >&2; exit 2; }
[[ -f $RUN_DIR/cluster.env ]] || { echo "no cluster in $RUN_DIR: run start.sh first" >&2; exit 1; }
if pid=$(live_pid "$(node_pid_file "$n")"); then
  echo "stopping node $n (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
fi
# The killed JVM's unpacked runtime is stale; the log goes on in the same file.
rm -rf "$RUN_DIR/node-$n" "$RUN_DIR/tmp-$n"
echo "----- restart $(date -u +%FT%TZ) -----" >> "$RUN_DIR/node-$n.log"
start_node "$n"
wait_ready "$n"
