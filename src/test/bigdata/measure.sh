#!/usr/bin/env bash
# Times the list pages of a running portal: signs in through the login form as each user, asks
# for each page once to warm it, then 20 times, and prints the median and the spread of the 20
# times and the SQL statements per request (from the portal's log, which must have been started
# with -Dportal.diagnostics.sql-count=true).
#
# Usage: src/test/bigdata/measure.sh BASE_URL PORTAL_LOG [RUNS]
#   e.g. src/test/bigdata/measure.sh http://127.0.0.1:8180/ /tmp/portal-big.log
# Environment: BIGDATA_PASSWORD (ishibashi-bigdata-2026), BIGDATA_DB (ishibashi_big: asked with
# psql which agency an order belongs to, so its admin opens it), BIG_ORDER_50, BIG_ORDER_5,
# ORDER_50, ORDER_5 (the order pages to time; the defaults are orders the generator gives 50 and
# 5 lines: 1010 and 1020 in the big agency 0001, 1001 and 1002 in agencies of about 100 orders).
set -euo pipefail

BASE="${1%/}"
LOG="$2"
RUNS="${3:-20}"
PASSWORD="${BIGDATA_PASSWORD:-ishibashi-bigdata-2026}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

sign_in() { # email → cookie jar $WORK/$1
  local jar="$WORK/$1" state
  state=$(curl -s -c "$jar" -b "$jar" "$BASE/login.xhtml" \
    | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" "$BASE/login.xhtml" \
    --data-urlencode "signIn=signIn" --data-urlencode "signIn:email=$1" \
    --data-urlencode "signIn:password=$PASSWORD" --data-urlencode "signIn:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$state"
}

# time_page NAME EMAIL PATH: RUNS timed GETs after one warm-up; median, min, max in ms; statements.
time_page() {
  local name="$1" jar="$WORK/$2" path="$3" code times before stmts
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$jar" "$BASE/$path")
  if [ "$code" != 200 ] || grep -q 'id="signIn"' "$WORK/body"; then
    echo "$name: $path answered $code (or the sign-in page)" >&2
    return 1
  fi
  before=$(wc -l < "$LOG")
  times=$(for _ in $(seq "$RUNS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$BASE/$path"
  done | sort -n)
  sleep 0.5
  stmts=$(tail -n +"$((before + 1))" "$LOG" | grep -o 'SQL statements: [0-9]* for GET' \
    | awk '{print $3}' | sort -n | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=","}')
  echo "$times" | awk -v n="$name" -v s="$stmts" -v b="$(wc -c < "$WORK/body")" \
    '{t[NR]=$1*1000} END {m=(NR%2)?t[(NR+1)/2]:(t[NR/2]+t[NR/2+1])/2;
      printf "%-34s median %7.1f ms  min %7.1f  max %7.1f  statements %s  %d bytes\n", n, m, t[1], t[NR], s, b}'
}

sign_in admin@agency-0001.example
sign_in admin@agency-0003.example
sign_in sub-00001@freelance.example

time_page "work orders, big agency (10,000)" admin@agency-0001.example agency/work-orders.xhtml
time_page "work orders, agency 0003 (~100)" admin@agency-0003.example agency/work-orders.xhtml
time_page "sub dashboard (100 agencies)" sub-00001@freelance.example sub/dashboard.xhtml
time_page "audit trail, big agency" admin@agency-0001.example agency/admin/audit.xhtml
time_page "audit trail, agency 0003" admin@agency-0003.example agency/admin/audit.xhtml
time_page "inbox, big agency admin" admin@agency-0001.example orders/inbox.xhtml
time_page "inbox, subcontractor 1" sub-00001@freelance.example orders/inbox.xhtml
order_page() { # NAME ORDER_ID: opened by the admin of the order's agency
  local admin
  admin=$(printf 'admin@agency-%04d.example' \
    "$(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BIGDATA_DB:-ishibashi_big}" \
      -tAc "select tenant_id from work_order where id = $2")")
  [ -f "$WORK/$admin" ] || sign_in "$admin"
  time_page "$1" "$admin" "orders/work-order.xhtml?id=$2"
}
order_page "order page, 5 lines (big agency)" "${BIG_ORDER_5:-1020}"
order_page "order page, 50 lines (big agency)" "${BIG_ORDER_50:-1010}"
order_page "order page, 5 lines" "${ORDER_5:-1002}"
order_page "order page, 50 lines" "${ORDER_50:-1001}"
