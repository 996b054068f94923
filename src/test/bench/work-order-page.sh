#!/usr/bin/env bash
# Work order page benchmark: latency and throughput of GET /orders/work-order.xhtml for an order
# of 5 lines and one of 500, under wrk, against a running portal with the demo data.
#   src/test/bench/work-order-page.sh BASE_URL [RUNS] [DURATION] [CONNECTIONS] [ID_5 ID_500]
# e.g. src/test/bench/work-order-page.sh http://localhost:8091/ 3 20s 8
# It seeds through the pages, with curl, as the demo agency admin: two complete orders for the
# demo subcontractor 田中 美咲, sent (about 5 minutes on 2 cores: each of the 505 lines is one
# form post that renders the page again). ID_5 and ID_500 reuse orders that an earlier run
# seeded on the same portal instead. Then, for the admin and for the subcontractor, it signs in
# CONNECTIONS sessions, warms each page up for 10 s and runs wrk RUNS times, printing median,
# p99 and requests/s of each run, and how many requests failed. wrk sends each request with the
# next session in turn, like many users: hammering a single session answered some 500s, most
# likely Mojarra dropping the view maps of requests still in flight (25 per session). A few 403s
# under load match Payara's issue 6145 (a signed-in session's groups are sometimes lost under
# concurrency). Needs curl and wrk; only ever point it at a test portal.
set -euo pipefail; shopt -s inherit_errexit
base=${1:?base URL, e.g. http://localhost:8091/}; base=${base%/}/
runs=${2:-3}; duration=${3:-20s}; connections=${4:-8}; threads=$((connections < 2 ? connections : 2))
password=ishibashi-demo-2026
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

view_state() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
session_of() { awk '$6 == "JSESSIONID" { print $7 }' "$1"; }

# Signs in through the sign-in form; the cookie jar then holds the session.
sign_in() { # jar email
  curl -sf -c "$1" -b "$1" -o "$work/page.html" "${base}login.xhtml"
  curl -sf -L -c "$1" -b "$1" -o "$work/page.html" "${base}login.xhtml" \
    --data-urlencode "signIn=signIn" --data-urlencode "signIn:email=$2" \
    --data-urlencode "signIn:password=$password" --data-urlencode "signIn:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/page.html")"
  grep -q 'id="userName"' "$work/page.html" || { echo "sign-in failed for $2" >&2; exit 1; }
}

# Writes a complete order in the terms editor, adds its lines on its page, sends it; prints its id.
create_order() { # jar lines
  local jar=$1 lines=$2 today due pay sub location id i
  today=$(TZ=Asia/Tokyo date +%F)
  due=$(TZ=Asia/Tokyo date -d '+30 days' +%F)
  pay=$(TZ=Asia/Tokyo date -d '+60 days' +%F)
  curl -sf -b "$jar" -c "$jar" -o "$work/page.html" "${base}agency/work-order-edit.xhtml"
  sub=$(grep -o 'value="[0-9]*">田中 美咲<' "$work/page.html" | grep -o '[0-9]\+')
  location=$(curl -sf -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
    "${base}agency/work-order-edit.xhtml" \
    --data-urlencode "terms=terms" --data-urlencode "terms:title=Benchmark, $lines lines" \
    --data-urlencode "terms:description=" --data-urlencode "terms:subcontractor=$sub" \
    --data-urlencode "terms:language=ja" --data-urlencode "terms:currency=JPY" \
    --data-urlencode "terms:commissionedOn_input=$today" --data-urlencode "terms:periodStart_input=" \
    --data-urlencode "terms:deliveryDate_input=$due" \
    --data-urlencode "terms:placeOfDelivery=Google ドライブの共有フォルダ" \
    --data-urlencode "terms:reviewDays_input=7" --data-urlencode "terms:reviewDays_hinput=7" \
    --data-urlencode "terms:paymentDueDate_input=$pay" \
    --data-urlencode "terms:paymentMethod=銀行振込" --data-urlencode "terms:save=" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/page.html")")
  id=$(grep -o 'id=[0-9]\+' <<< "$location" | grep -o '[0-9]\+') \
    || { echo "creating the order failed" >&2; exit 1; }
  curl -sf -b "$jar" -c "$jar" -o "$work/page.html" "${base}orders/work-order.xhtml?id=$id"
  for i in $(seq 1 "$lines"); do
    curl -sf -b "$jar" -c "$jar" -o "$work/next.html" "${base}orders/work-order.xhtml?id=$id" \
      --data-urlencode "newLine=newLine" --data-urlencode "newLine:text=Scope line $i of $lines" \
      --data-urlencode "newLine:deliverable=Deliverable $i" \
      --data-urlencode "newLine:acceptanceCriteria=Reviewed without findings" \
      --data-urlencode "newLine:quantity=1" --data-urlencode "newLine:unit=ITEM" \
      --data-urlencode "newLine:unitPrice=10000" --data-urlencode "newLine:add=" \
      --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/page.html")"
    mv "$work/next.html" "$work/page.html"
  done
  curl -sf -b "$jar" -c "$jar" -o "$work/next.html" "${base}orders/work-order.xhtml?id=$id" \
    --data-urlencode "actions=actions" --data-urlencode "actions:send=" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/page.html")"
  ! grep -q 'id="actions:send"' "$work/next.html" || { echo "sending order $id failed" >&2; exit 1; }
  echo "$id"
}

# Each wrk request carries the next of the sessions in $SESSIONS, in turn.
cat > "$work/sessions.lua" <<'LUA'
local sessions, n = {}, 0
for s in string.gmatch(os.getenv("SESSIONS"), "%S+") do sessions[#sessions + 1] = s end
request = function()
  n = n + 1
  return wrk.format(nil, nil, { ["Cookie"] = "JSESSIONID=" .. sessions[n % #sessions + 1] })
end
LUA

# Checks the page shows its last line, warms it up, then prints one line per measured run.
measure() { # side id lines
  local side=$1 id=$2 lines=$3 jar=$work/$1-1 url out run
  url="${base}orders/work-order.xhtml?id=$id"
  curl -sf -b "$jar" -o "$work/page.html" "$url"
  grep -q "Scope line $lines of $lines" "$work/page.html" \
    || { echo "$side: order $id does not show line $lines" >&2; exit 1; }
  echo "$side, $lines lines: $(wc -c < "$work/page.html") bytes per page"
  export SESSIONS
  SESSIONS=$(for j in "$work/$side"-*; do session_of "$j"; done)
  wrk -t"$threads" -c"$connections" -d10s --timeout 60s -s "$work/sessions.lua" "$url" > /dev/null
  for run in $(seq 1 "$runs"); do
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 60s --latency \
      -s "$work/sessions.lua" "$url")
    if grep -q 'Socket errors' <<< "$out"; then echo "$out" >&2; exit 1; fi
    printf '%s, %s lines, run %s: median %s, p99 %s, %s requests/s, %s of %s answered 4xx/5xx\n' \
      "$side" "$lines" "$run" \
      "$(awk '$1 == "50%" { print $2 }' <<< "$out")" "$(awk '$1 == "99%" { print $2 }' <<< "$out")" \
      "$(awk '$1 == "Requests/sec:" { print $2 }' <<< "$out")" \
      "$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' <<< "$out")" \
      "$(awk '/requests in/ { print $1 }' <<< "$out")"
  done
}

for i in $(seq 1 "$connections"); do
  sign_in "$work/agency-$i" admin@sakura.example
  sign_in "$work/sub-$i" tanaka@freelance.example
done
five=${5:-$(create_order "$work/agency-1" 5)}
five_hundred=${6:-$(create_order "$work/agency-1" 500)}
echo "orders: $five (5 lines), $five_hundred (500 lines); wrk -t$threads -c$connections -d$duration"
for side in agency sub; do
  measure "$side" "$five" 5
  measure "$side" "$five_hundred" 500
done
