#!/usr/bin/env bash
# Start-up benchmark: seconds from launching Payara Micro until /health/ready answers UP, and
# the resident memory then, for one WAR, over several runs (each on a fresh empty H2 database).
#   src/test/bench/startup.sh WAR RUNS [JVM options…]
# Run `mvn -DskipTests package` first; it puts payara-micro.jar in target/.
set -euo pipefail
war=$(realpath "$1"); runs=${2:-5}; shift 2 || true
jar=$(realpath "$(dirname "$0")/../../../target/payara-micro.jar")
work=$(mktemp -d)
for _ in $(seq 1 "$runs"); do
  rm -rf "$work/data"; mkdir -p "$work/data"
  start=$(date +%s.%N)
  (cd "$work/data" && exec java "$@" -jar "$jar" --deploy "$war" --contextroot / --port 8090 --nocluster) \
    > "$work/log.txt" 2>&1 &
  pid=$!
  until curl -sf localhost:8090/health/ready 2>/dev/null | grep -q '"UP"'; do sleep 0.2; done
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) s, RSS $(( $(ps -o rss= -p $pid) / 1024 )) MB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
