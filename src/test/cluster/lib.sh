# Shared by the cluster scripts (start.sh, stop.sh, kill-node.sh, restart-node.sh,
# failover-check.sh): the settings, the run directory and how one node is started.
# Source it; it does nothing by itself.

cluster_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$cluster_dir/../../.." && pwd)

# Everything a run writes (pids, logs, the HAProxy configuration, each node's Payara root
# directory) lives here; stop.sh leaves it for reading.
RUN_DIR=${RUN_DIR:-$root/target/cluster}

# start.sh records the settings it ran with, so that the other scripts act on the same cluster
# whatever the caller's environment says now.
if [[ -f $RUN_DIR/cluster.env ]]; then
  # shellcheck disable=SC1091
  source "$RUN_DIR/cluster.env"
fi

NODES=${NODES:-2}                        # Payara Micro nodes
PORT=${PORT:-8080}                       # HAProxy, the only address users need
STATS_PORT=${STATS_PORT:-8404}           # HAProxy's status page (/stats)
NODE_PORT_BASE=${NODE_PORT_BASE:-8081}   # node n answers HTTP on NODE_PORT_BASE + n - 1
HZ_PORT_BASE=${HZ_PORT_BASE:-5901}       # node n's Hazelcast member port: HZ_PORT_BASE + n - 1
DB=${DB:-ishibashi_cluster}              # PostgreSQL database, on 127.0.0.1:5432 as postgres
CLUSTER_NAME=${CLUSTER_NAME:-ishibashi-local}
JAVA_OPTS=${JAVA_OPTS:--Xmx640m}

war=$root/target/ishibashi.war
jar=$root/target/payara-micro.jar

node_port() { echo $((NODE_PORT_BASE + $1 - 1)); }
hz_port() { echo $((HZ_PORT_BASE + $1 - 1)); }
node_pid_file() { echo "$RUN_DIR/node-$1.pid"; }

# A pid from a pid file, if that process still runs.
live_pid() {
  local pid
  [[ -f $1 ]] || return 1
  pid=$(cat "$1")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The Hazelcast member list every node is given: all nodes' member ports, on loopback.
hz_members() {
  local n list=
  for n in $(seq 1 "$NODES"); do list+="${list:+,}127.0.0.1:$(hz_port "$n")"; done
  echo "$list"
}

# Starts node n in the background and writes its pid; its log is node-n.log.
start_node() {
  local n=$1 port
  port=$(node_port "$n")
  mkdir -p "$RUN_DIR/node-$n" "$RUN_DIR/tmp-$n" "$RUN_DIR/data"
  # Payara Micro options:
  #   --clustermode tcpip:…   find the other members at these addresses (no multicast);
  #   --interfaces 127.0.0.1  bind Hazelcast to loopback only;
  #   --startport             this node's Hazelcast port;
  #   --clustername           only members with this name join, so a stray Micro stays out;
  #   --nohostaware           allow a session's backup copy on a member with the same IP
  #                           address: on one machine every member has 127.0.0.1, and with host
  #                           awareness (the default) there would be no backups at all;
  #   --name                  the instance name shown in the logs and in the member list.
  # The portal settings: the cluster's database with demo data (which also holds the signing CA
  # and the rate limits every node shares), the addresses it hands out pointing at HAProxy, the
  # client address taken from HAProxy's X-Forwarded-For, and the session size logged per request.
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Djava.io.tmpdir="$RUN_DIR/tmp-$n" \
    -Dportal.data-dir="$RUN_DIR/data" \
    -Dportal.db.driver=org.postgresql.ds.PGSimpleDataSource \
    -Dportal.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    -Dportal.db.user=postgres -Dportal.db.password= \
    -Dportal.demo-data=true \
    -Dportal.trusted-proxies=127.0.0.1 \
    -Dportal.base-url="http://127.0.0.1:$PORT/" \
    -Dportal.public-url="http://127.0.0.1:$PORT/" \
    -Dportal.session.secure-cookie=false \
    -Dportal.diagnostics.session-size=true \
    -jar "$jar" --deploy "$war" --contextroot / \
    --port "$port" --name "node-$n" \
    --clustermode "tcpip:$(hz_members)" --clustername "$CLUSTER_NAME" \
    --interfaces 127.0.0.1 --startport "$(hz_port "$n")" --nohostaware \
    --rootdir "$RUN_DIR/node-$n" \
    --postbootcommandfile "$cluster_dir/post-boot.txt" \
    >> "$RUN_DIR/node-$n.log" 2>&1 &
  echo $! > "$(node_pid_file "$n")"
}

# Waits until node n answers its readiness check (at most $2 seconds, default 300).
wait_ready() {
  local n=$1 limit=${2:-300} t0 pid port
  t0=$(date +%s)
  port=$(node_port "$n")
  until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"UP"'; do
    pid=$(live_pid "$(node_pid_file "$n")") || { echo "node $n stopped while starting; the end of $RUN_DIR/node-$n.log:" >&2; tail -40 "$RUN_DIR/node-$n.log" >&2; return 1; }
    if (( $(date +%s) - t0 > limit )); then echo "node $n (pid $pid) not ready after $limit s; see $RUN_DIR/node-$n.log" >&2; return 1; fi
    sleep 1
  done
  echo "node $n ready on http://127.0.0.1:$port/ after $(( $(date +%s) - t0 )) s (pid $(cat "$(node_pid_file "$n")"))"
}

# The number of members node n last reported in its data grid status ("DG Size: 2"), or 0.
cluster_size_seen_by() {
  { grep -o 'DG Size: [0-9]*' "$RUN_DIR/node-$1.log" 2>/dev/null || echo 0; } | tail -1 | grep -o '[0-9]*$'
}
