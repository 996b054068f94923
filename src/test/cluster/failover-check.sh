#!/usr/bin/env bash
# Proves that a signed-in user keeps working when its node dies (FailoverCheck.java): signs in
# through HAProxy, opens a page with a form, kills the node that served it with kill -9, posts
# that form with its ViewState through HAProxy and loads signed-in pages; none may be the
# sign-in page. Prints PASS or FAIL; exit status 0 on PASS. Loopback only; stops by itself.
#
#   flock /tmp/ishibashi-it.lock src/test/cluster/start.sh   # a cluster of at least 2 nodes
#   src/test/cluster/failover-check.sh
#   src/test/cluster/restart-node.sh N                       # bring the killed node back
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

[[ -f $RUN_DIR/cluster.env ]] || { echo "FAIL: no cluster in $RUN_DIR: run start.sh first"; exit 1; }
(( NODES >= 2 )) || { echo "FAIL: failover needs at least 2 nodes (NODES=$NODES)"; exit 1; }
live=0
for n in $(seq 1 "$NODES"); do live_pid "$(node_pid_file "$n")" >/dev/null && live=$((live + 1)); done
(( live >= 2 )) || { echo "FAIL: $live node(s) running; restart the others with restart-node.sh N"; exit 1; }

# The whole check must end by itself: HTTP calls time out, and so does the JVM.
rc=0
timeout 300 java "$cluster_dir/FailoverCheck.java" "http://127.0.0.1:$PORT/" "$cluster_dir/kill-node.sh" || rc=$?

# The replicated session's size, as the nodes measured it (portal.diagnostics.session-size).
echo "Session sizes measured for the organisation page (bytes, all attributes serialized together):"
grep -h -o 'Session size: [0-9]* bytes in [0-9]* attributes after [A-Z]* /agency/admin/organisation.xhtml' \
  "$RUN_DIR"/node-*.log | tail -3 | sed 's/^/  /' || echo "  (none logged)"
exit "$rc"
