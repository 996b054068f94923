#!/usr/bin/env bash
# Starts the built portal against the generated database, on 127.0.0.1 only, without demo data,
# with the SQL statement count per request in its log; waits until /health/ready answers.
#
# Usage: src/test/bigdata/portal.sh start [PORT]   (default 8180; log and pid in target/bigdata/)
#        src/test/bigdata/portal.sh stop
# Environment: BIGDATA_DB (ishibashi_big), PGHOST, PGPORT, PGUSER, PGPASSWORD.
# The start holds /tmp/ishibashi-it.lock while the portal runs, so it never shares the machine's
# two cores with the integration tests.
set -euo pipefail

cd "$(dirname "$0")/../../.."
RUN=target/bigdata
PORT="${2:-8180}"
mkdir -p "$RUN"

case "${1:-}" in
  start)
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
      > "$RUN/pre-boot.txt"
    # A fresh root each time: Payara Micro would otherwise deploy the copy it unpacked last time.
    rm -rf "$RUN/root"
    PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
    nohup flock /tmp/ishibashi-it.lock java -Xmx1g \
      -Dportal.db.driver=org.postgresql.ds.PGSimpleDataSource \
      -Dportal.db.url="jdbc:postgresql://$PGHOST:$PGPORT/${BIGDATA_DB:-ishibashi_big}" \
      -Dportal.db.user="${PGUSER:-postgres}" -Dportal.db.password="${PGPASSWORD:-}" \
      -Dportal.demo-data=false -Dportal.diagnostics.sql-count=true \
      -Dportal.data-dir="$PWD/$RUN/data" -Dportal.signing.keystore-password=bigdata-local-only \
      -Dportal.base-url="http://127.0.0.1:$PORT/" \
      -jar target/payara-micro.jar --deploy target/ishibashi.war --contextroot / \
      --port "$PORT" --nocluster --rootdir "$PWD/$RUN/root" \
      --prebootcommandfile "$PWD/$RUN/pre-boot.txt" > "$RUN/portal.log" 2>&1 &
    echo $! > "$RUN/portal.pid"
    for _ in $(seq 240); do
      if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; then
        echo "ready at http://127.0.0.1:$PORT/ (pid $(cat "$RUN/portal.pid"), log $RUN/portal.log)"
        exit 0
      fi
      sleep 1
    done
    echo "not ready after 240 s; see $RUN/portal.log" >&2
    exit 1
    ;;
  stop)
    # The pid is flock's; its child is the JVM. Stop the JVM, then flock ends and frees the lock.
    pid=$(cat "$RUN/portal.pid")
    pkill -TERM -P "$pid" || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$RUN/portal.pid"
    ;;
  *)
    echo "usage: $0 start [PORT] | stop" >&2
    exit 2
    ;;
esac
