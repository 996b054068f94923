#!/usr/bin/env bash
# Creates and fills a PostgreSQL database with a portal at scale: 1,000 agencies, 10,000
# subcontractors, 100,000 work orders in every state, about 1,000,000 scope lines and their
# revisions, 20,000 signed agreements, change requests, the escrow ledger, deliveries, deadlines,
# notifications and each agency's audit hash chain. docs/scaling.md describes the data and what
# it measured.
#
# Usage (from the project directory, after `mvn -B -DskipTests package`):
#
#   src/test/bigdata/generate.sh [database]          # default: ishibashi_big
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (empty),
# BIGDATA_PASSWORD (ishibashi-bigdata-2026: the password of every generated account),
# BIGDATA_REPLACE=true to drop an existing database of that name first.
#
# Sign-ins it creates: admin@agency-0001.example (admin of the big agency, 10,000 orders),
# staff@agency-0001.example, admin@agency-0002.example … admin@agency-1000.example (about 100
# orders each), sub-00001@freelance.example (a subcontractor working for 100 agencies), and
# sub-00002 … sub-10000@freelance.example.
set -euo pipefail

cd "$(dirname "$0")/../../.."
DB="${1:-ishibashi_big}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WEB_INF=target/ishibashi/WEB-INF

if [ ! -d "$WEB_INF/classes/jp" ]; then
  echo "Build the portal first: mvn -B -DskipTests package" >&2
  exit 1
fi
if psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  if [ "${BIGDATA_REPLACE:-false}" != true ]; then
    echo "Database $DB exists; set BIGDATA_REPLACE=true to drop and regenerate it." >&2
    exit 1
  fi
  dropdb "$DB"
fi
createdb "$DB"

# The portal's own classes and libraries (Flyway, the driver, OpenPDF), plus the JSON API that
# Payara provides at run time.
M2="${M2_REPO:-$HOME/.m2/repository}"
CP="$WEB_INF/classes:$WEB_INF/lib/*"
CP="$CP:$M2/jakarta/json/jakarta.json-api/2.1.3/jakarta.json-api-2.1.3.jar"
CP="$CP:$M2/org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar"

start=$(date +%s)
java -Xmx1g -cp "$CP" src/test/bigdata/BigData.java \
  "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" "$PWD"
echo "generate.sh: $DB ready in $(( $(date +%s) - start )) s"
