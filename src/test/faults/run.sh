#!/usr/bin/env bash
# Faults: kill -9 the portal in the middle of funding, delivery and acceptance, restart it, and
# check that nothing acknowledged was lost, the escrow ledger balances, the audit chain verifies,
# and every deadline fires exactly once (docs/reliability.md, "Fault runs").
#
#   mvn -B -q -DskipTests -DskipITs package
#   flock /tmp/ishibashi-it.lock src/test/faults/run.sh
#
# FAULT_RUNS (default 20) kills, each followed by a restart and the checks. It runs on PostgreSQL
# at 127.0.0.1:5432 as user postgres (trust authentication), in a database of its own that it
# creates and drops. Loopback only. It starts one Payara Micro at a time on a free port and kills
# only the processes it started, by their pids. Exit status 0 when every check passed.
set -euo pipefail

runs=${FAULT_RUNS:-20}
workers=${FAULT_WORKERS:-3}
pg_host=${FAULT_PG_HOST:-127.0.0.1}
pg_user=${FAULT_PG_USER:-postgres}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
war=$root/target/ishibashi.war
jar=$root/target/payara-micro.jar
[[ -f $jar ]] || jar=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar
[[ -f $war && -f $jar ]] || { echo "Build first: mvn -B -q -DskipTests -DskipITs package" >&2; exit 2; }

db=faults_$$
work=$(mktemp -d "${TMPDIR:-/tmp}/ishibashi-faults.XXXXXX")
keep=$root/target/faults
ack=$work/acknowledged.tsv
portal_pid=
driver_pid=
port=

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$work/summary.txt"; }

stop_started() {
  # Only what this script started, by pid.
  if [[ -n $driver_pid ]] && kill -0 "$driver_pid" 2>/dev/null; then kill "$driver_pid" 2>/dev/null || true; fi
  if [[ -n $portal_pid ]] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$portal_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$portal_pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}

cleanup() {
  local rc=$?
  stop_started
  dropdb -h "$pg_host" -U "$pg_user" --if-exists --force "$db" 2>/dev/null || true
  mkdir -p "$keep"
  cp "$work/summary.txt" "$keep/summary.txt" 2>/dev/null || true
  if [[ $rc -ne 0 ]]; then
    # Keep what explains a failure: the portal logs, the loop's output, what was acknowledged.
    cp "$work"/portal-*.log "$work"/loop-*.txt "$ack" "$keep/" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}

start_portal() {
  local n=$1 t0 rt=$work/rt-$1
  port=$(free_port)
  rm -rf "$work/rt-$((n - 1))"   # the runtime the previous, killed JVM unpacked
  mkdir -p "$rt" "$work/tmp" "$work/data"
  t0=$(date +%s)
  java -Xmx768m -Djava.io.tmpdir="$work/tmp" \
    -Dportal.data-dir="$work/data" \
    -Dportal.db.driver=org.postgresql.ds.PGSimpleDataSource \
    -Dportal.db.url="jdbc:postgresql://$pg_host:5432/$db" \
    -Dportal.db.user="$pg_user" -Dportal.db.password= \
    -Dportal.demo-data=true -Dportal.clock.adjustable=true \
    -Dportal.password.iterations=1024 \
    -Dportal.base-url="http://127.0.0.1:$port/" \
    -jar "$jar" --deploy "$war" --contextroot / --port "$port" --nocluster --rootdir "$rt" \
    > "$work/portal-$n.log" 2>&1 &
  portal_pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$portal_pid" 2>/dev/null; then say "portal $n died while starting"; tail -50 "$work/portal-$n.log"; exit 1; fi
    if (( $(date +%s) - t0 > 300 )); then say "portal $n not ready after 300 s"; exit 1; fi
    sleep 0.5
  done
  say "portal $n ready on port $port (pid $portal_pid) after $(( $(date +%s) - t0 )) s"
}

driver() { java -cp "$work/classes" FaultDriver "$@"; }
sql() { psql -h "$pg_host" -U "$pg_user" -d "$db" -v ON_ERROR_STOP=1 -AtqX -F ' | ' "$@"; }

# One query whose rows are violations. Its kind says what a row means: "loss" (something
# acknowledged or due that is missing), "twice" (an effect or deadline more than once), or "wrong".
failed_now=0; losses=0; twice=0; wrongs=0
violations() {
  local kind=$1 what=$2 rows count
  rows=$({ printf '%s\n' "create temp table acked (what text, order_id bigint, delivery int, lines text);" \
            "\\copy acked from '$ack'"; cat; } | sql -f -)
  [[ -z $rows ]] && return 0
  count=$(printf '%s\n' "$rows" | wc -l)
  failed_now=1
  case $kind in loss) losses=$((losses + count));; twice) twice=$((twice + count));; *) wrongs=$((wrongs + count));; esac
  say "    FAILED ($kind, $count rows): $what"
  printf '%s\n' "$rows" | head -20 | sed 's/^/      /' | tee -a "$work/summary.txt"
}

checks_total=0; checks_passed=0
begin_check() { failed_now=0; checks_total=$((checks_total + 1)); }
end_check() {
  if [[ $failed_now -eq 0 ]]; then checks_passed=$((checks_passed + 1)); say "  ok   $1"; else say "  FAIL $1"; fi
}

# After a restart: bring the clock back to where the killed portal had taken it, poll, and check
# that no due deadline was left behind; then let every review period end and check again.
check_deadlines() {
  local hours now fired
  begin_check
  hours=$(sql -c "select greatest(0, ceil(extract(epoch from (greatest(
        (select max(occurred_at) from audit_event), (select max(fired_at) from deadline),
        (select max(delivered_at) from delivery), (select max(decided_at) from delivery),
        (select max(occurred_at) from ledger_movement), (select max(created_at) from notification)
      ) - now())) / 3600) + 1)::bigint")
  read -r now fired < <(driver clock "http://127.0.0.1:$port/" 0 "$hours")
  say "    clock +${hours} h to $now: the restart's first poll fired $fired deadlines"
  violations loss "a deadline due at $now is still pending after the poll" <<SQL
select id, kind, subject_id, due_at from deadline where state = 'PENDING' and due_at <= '$now'::timestamptz order by id;
SQL
  read -r now fired < <(driver clock "http://127.0.0.1:$port/" 8 0)
  say "    clock +8 days to $now: $fired more deadlines fired"
  violations loss "a deadline due at $now is still pending after the poll" <<SQL
select id, kind, subject_id, due_at from deadline where state = 'PENDING' and due_at <= '$now'::timestamptz order by id;
SQL
  violations loss "a delivery is still under review after its review period ended" <<'SQL'
select d.work_order_id, d.delivery_number, d.review_ends_at from delivery d where d.state = 'SUBMITTED';
SQL
  end_check "deadlines: none lost across the restart (every due one fired at the first polls)"
}

check_acknowledged() {
  begin_check
  violations loss "an effect the portal acknowledged (2xx) is missing after the restart" <<'SQL'
select a.what, a.order_id, a.delivery, a.lines from acked a
 where not case a.what
   when 'SIGNED' then exists (select 1 from work_order w where w.id = a.order_id
                                and w.status in ('SIGNED', 'FUNDED', 'DELIVERED', 'PAID')
                                and exists (select 1 from agreement g where g.work_order_id = w.id and g.state = 'SIGNED'))
   when 'FUNDED' then exists (select 1 from ledger_movement m where m.work_order_id = a.order_id and m.kind = 'FUND')
   when 'STARTED' then exists (select 1 from work_order w where w.id = a.order_id and w.started_at is not null)
   when 'DELIVERED' then exists (select 1 from delivery d where d.work_order_id = a.order_id
                                   and d.delivery_number = a.delivery
                                   and (select string_agg(l.line_id::text, ',' order by l.line_id)
                                          from delivery_line l where l.delivery_id = d.id) = a.lines)
   when 'REJECTED' then exists (select 1 from delivery d where d.work_order_id = a.order_id
                                  and d.delivery_number = a.delivery and d.state = 'REJECTED')
   when 'ACCEPTED' then exists (select 1 from delivery d where d.work_order_id = a.order_id
                                  and d.delivery_number = a.delivery and d.state = 'ACCEPTED')
   when 'DEEMED' then exists (select 1 from delivery d where d.work_order_id = a.order_id
                                and d.delivery_number = a.delivery and d.state = 'DEEMED_ACCEPTED')
   when 'PAID' then exists (select 1 from work_order w where w.id = a.order_id and w.status = 'PAID')
   else false end;
SQL
  end_check "acknowledged: every effect answered with 2xx before the kill is there ($(wc -l < "$ack") acknowledgements so far)"
}

check_ledger() {
  begin_check
  violations wrong "a movement is not two entries of one currency, summing to zero, on its kind's accounts" <<'SQL'
select m.id, m.work_order_id, m.kind, count(e.id), sum(e.amount_minor), count(distinct e.currency)
  from ledger_movement m left join ledger_entry e on e.movement_id = m.id
 group by m.id, m.work_order_id, m.kind
having count(e.id) <> 2 or coalesce(sum(e.amount_minor), 1) <> 0 or count(distinct e.currency) <> 1
    or count(*) filter (where e.work_order_id = m.work_order_id and e.tenant_id = m.tenant_id
                          and (m.kind, e.account, sign(e.amount_minor)) in (
                          ('FUND', 'AGENCY_FUNDING', -1), ('FUND', 'ESCROW_HELD', 1),
                          ('RELEASE', 'ESCROW_HELD', -1), ('RELEASE', 'RELEASED_TO_SUBCONTRACTOR', 1),
                          ('REFUND', 'ESCROW_HELD', -1), ('REFUND', 'REFUNDED_TO_AGENCY', 1))) <> 2;
SQL
  violations wrong "an order's movements are not numbered 1..n up to its ledger head" <<'SQL'
select h.work_order_id, h.last_seq, count(m.id), max(m.seq)
  from ledger_head h left join ledger_movement m on m.work_order_id = h.work_order_id
 group by h.work_order_id, h.last_seq
having h.last_seq <> count(m.id) or h.last_seq <> coalesce(max(m.seq), 0)
union all
select m.work_order_id, null, count(*), max(m.seq) from ledger_movement m
 where not exists (select 1 from ledger_head h where h.work_order_id = m.work_order_id)
 group by m.work_order_id;
SQL
  violations wrong "the escrow held went below zero after a movement" <<'SQL'
select work_order_id, seq, held from (
  select m.work_order_id, m.seq,
         sum(e.amount_minor) over (partition by m.work_order_id order by m.seq) as held
    from ledger_movement m join ledger_entry e on e.movement_id = m.id and e.account = 'ESCROW_HELD') x
 where held < 0;
SQL
  violations wrong "an order's balances do not add up for its state (deposited = held + released + refunded; funded once; nothing held when paid; released = its line payments; 障害試験 orders hold ¥165,000)" <<'SQL'
with b as (
  select w.id, w.status, w.title, w.funded_at,
         coalesce(-sum(e.amount_minor) filter (where e.account = 'AGENCY_FUNDING'), 0) as deposited,
         coalesce(sum(e.amount_minor) filter (where e.account = 'ESCROW_HELD'), 0) as held,
         coalesce(sum(e.amount_minor) filter (where e.account = 'RELEASED_TO_SUBCONTRACTOR'), 0) as released,
         coalesce(sum(e.amount_minor) filter (where e.account = 'REFUNDED_TO_AGENCY'), 0) as refunded,
         (select count(*) from ledger_movement m where m.work_order_id = w.id and m.kind = 'FUND') as funds,
         (select coalesce(sum(p.amount_minor), 0) from line_payment p where p.work_order_id = w.id) as paid_lines
    from work_order w left join ledger_entry e on e.work_order_id = w.id
   group by w.id)
select id, status, deposited, held, released, refunded, funds, paid_lines from b
 where deposited <> held + released + refunded
    or (status in ('PAID', 'CANCELLED') and held <> 0)
    or (status in ('FUNDED', 'DELIVERED', 'PAID') and funds <> 1)
    or (status in ('DRAFT', 'NEGOTIATING', 'AGREED', 'SIGNED') and funds <> 0)
    or ((funds = 1) <> (funded_at is not null))
    or released <> paid_lines
    or (title like '障害試験%' and funds = 1 and (deposited <> 165000 or refunded <> 0))
    or (title like '障害試験%' and status = 'PAID' and released <> 165000);
SQL
  end_check "ledger: every movement balances and every order's escrow adds up"
}

check_audit() {
  local verdict head
  begin_check
  verdict=$(driver audit "http://127.0.0.1:$port/" || true)
  head=$(sql -c "select h.last_seq || ' ' || (select count(*) from audit_event e where e.tenant_id = h.tenant_id and e.seq is not null)
                   from audit_chain_head h join agency a on a.id = h.tenant_id
                  where a.name = '株式会社さくらデザイン'")
  read -r last count <<< "$head"
  if [[ $verdict != "INTACT $last" || $last != "$count" ]]; then
    failed_now=1; wrongs=$((wrongs + 1))
    say "    FAILED: the page says \"$verdict\"; the head's last seq is $last and $count events are chained"
  else
    say "    the page verified $last events: intact"
  fi
  violations wrong "an order's audit events and its effects differ in number (recorded in separate transactions?)" <<'SQL'
select w.id, x.what, x.events, x.effects from work_order w
 cross join lateral (values
   ('ESCROW_FUNDED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'ESCROW_FUNDED'),
                     (select count(*) from ledger_movement m where m.work_order_id = w.id and m.kind = 'FUND')),
   ('ESCROW_RELEASED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'ESCROW_RELEASED'),
                       (select count(*) from ledger_movement m where m.work_order_id = w.id and m.kind = 'RELEASE')),
   ('ESCROW_REFUNDED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'ESCROW_REFUNDED'),
                       (select count(*) from ledger_movement m where m.work_order_id = w.id and m.kind = 'REFUND')),
   ('DELIVERED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'DELIVERED'),
                 (select count(*) from delivery d where d.work_order_id = w.id)),
   ('DELIVERY_ACCEPTED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'DELIVERY_ACCEPTED'),
                         (select count(*) from delivery d where d.work_order_id = w.id and d.state = 'ACCEPTED')),
   ('DELIVERY_REJECTED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'DELIVERY_REJECTED'),
                         (select count(*) from delivery d where d.work_order_id = w.id and d.state = 'REJECTED')),
   ('DELIVERY_DEEMED_ACCEPTED', (select count(*) from audit_event e where e.subject_type = 'WorkOrder' and e.subject_id = w.id and e.action = 'DELIVERY_DEEMED_ACCEPTED'),
                                (select count(*) from delivery d where d.work_order_id = w.id and d.state = 'DEEMED_ACCEPTED'))
 ) as x(what, events, effects)
 where x.events <> x.effects;
SQL
  end_check "audit: the portal verifies the chain intact, and every effect has exactly its event"
}

check_exactly_once() {
  begin_check
  violations twice "a delivery does not have exactly one review deadline, due exactly at its review end, in the state its outcome implies (FIRED when deemed accepted, CANCELLED when answered, PENDING under review)" <<'SQL'
select d.work_order_id, d.delivery_number, d.state, d.review_ends_at, count(x.id),
       string_agg(x.state || ' due ' || x.due_at, ', ')
  from delivery d
  left join deadline x on x.tenant_id = d.tenant_id and x.kind = 'delivery.review'
                      and x.subject_id = d.work_order_id and x.due_at = d.review_ends_at
 group by d.id
having count(x.id) <> 1
    or min(x.state) <> case d.state when 'SUBMITTED' then 'PENDING' when 'DEEMED_ACCEPTED' then 'FIRED' else 'CANCELLED' end;
SQL
  violations twice "a review deadline belongs to no delivery" <<'SQL'
select x.id, x.subject_id, x.state, x.due_at from deadline x
 where x.kind = 'delivery.review'
   and not exists (select 1 from delivery d where d.tenant_id = x.tenant_id and d.work_order_id = x.subject_id
                      and d.review_ends_at = x.due_at);
SQL
  violations wrong "a deadline fired before it was due, or a delivery was deemed accepted before its review ended or before its deadline fired" <<'SQL'
select x.id, x.due_at, x.fired_at, d.review_ends_at, d.decided_at from deadline x
  join delivery d on d.tenant_id = x.tenant_id and d.work_order_id = x.subject_id and d.review_ends_at = x.due_at
 where x.kind = 'delivery.review' and x.state = 'FIRED'
   and (x.fired_at < x.due_at or d.decided_at < d.review_ends_at or d.decided_at < x.fired_at)
union all
select x.id, x.due_at, x.fired_at, null, null from deadline x where x.state = 'FIRED' and x.fired_at < x.due_at;
SQL
  # A delivery schedules its reminder with Deadlines.schedule, which moves the order's reminder if
  # one is still pending: when the next delivery comes between a poll's claim of the review and
  # its claim of the reminder, the reminder of a delivery deemed accepted moments ago becomes the
  # new delivery's. So reminders are checked per order, not one per delivery.
  violations twice "a delivery under review has no reminder exactly 48 h before its review ends, or one more; a reminder is pending with no review to remind of; or a reminder was sent more often than reminders fired" <<'SQL'
select d.work_order_id, d.delivery_number, d.state, count(x.id), string_agg(x.state, ', ')
  from delivery d
  left join deadline x on x.tenant_id = d.tenant_id and x.kind = 'delivery.reviewReminder'
                      and x.subject_id = d.work_order_id and x.due_at = d.review_ends_at - interval '48 hours'
 where d.state = 'SUBMITTED'
 group by d.id
having count(x.id) <> 1
union all
select x.subject_id, null, x.state, 1, x.due_at::text from deadline x
 where x.kind = 'delivery.reviewReminder' and x.state = 'PENDING'
   and not exists (select 1 from delivery d where d.tenant_id = x.tenant_id and d.work_order_id = x.subject_id
                     and d.state = 'SUBMITTED' and x.due_at = d.review_ends_at - interval '48 hours')
union all
select w.id, null, 'REVIEW_ENDS_SOON',
       (select count(*) from notification n where n.work_order_id = w.id and n.kind = 'REVIEW_ENDS_SOON'),
       (select count(*)::text from deadline x where x.tenant_id = w.tenant_id and x.subject_id = w.id
          and x.kind = 'delivery.reviewReminder' and x.state = 'FIRED')
  from work_order w
 where (select count(*) from notification n where n.work_order_id = w.id and n.kind = 'REVIEW_ENDS_SOON')
     > (select count(*) from deadline x where x.tenant_id = w.tenant_id and x.subject_id = w.id
          and x.kind = 'delivery.reviewReminder' and x.state = 'FIRED');
SQL
  violations twice "an accepted delivery was not released exactly once, for exactly its lines' payments" <<'SQL'
select d.work_order_id, d.delivery_number, d.state, count(m.id), sum(e.amount_minor),
       (select sum(p.amount_minor) from line_payment p where p.delivery_id = d.id)
  from delivery d
  left join ledger_movement m on m.work_order_id = d.work_order_id and m.kind = 'RELEASE'
                             and m.reference like 'delivery ' || d.delivery_number || ' %'
  left join ledger_entry e on e.movement_id = m.id and e.account = 'RELEASED_TO_SUBCONTRACTOR'
 where d.state in ('ACCEPTED', 'DEEMED_ACCEPTED')
 group by d.id
having count(m.id) <> 1
    or sum(e.amount_minor) <> (select sum(p.amount_minor) from line_payment p where p.delivery_id = d.id)
union all
select d.work_order_id, d.delivery_number, d.state, count(m.id), null, null
  from delivery d
  join ledger_movement m on m.work_order_id = d.work_order_id and m.kind = 'RELEASE'
                        and m.reference like 'delivery ' || d.delivery_number || ' %'
 where d.state not in ('ACCEPTED', 'DEEMED_ACCEPTED')
 group by d.id;
SQL
  violations twice "a line of an accepted delivery is not paid exactly once by that delivery, or a payment names a delivery that was not accepted" <<'SQL'
select d.work_order_id, d.delivery_number, l.line_id,
       (select count(*) from line_payment p where p.line_id = l.line_id and p.delivery_id = d.id)
  from delivery d join delivery_line l on l.delivery_id = d.id
 where d.state in ('ACCEPTED', 'DEEMED_ACCEPTED')
   and (select count(*) from line_payment p where p.line_id = l.line_id and p.delivery_id = d.id) <> 1
union all
select p.work_order_id, null, p.line_id, null from line_payment p
  left join delivery d on d.id = p.delivery_id
 where p.basis = 'ACCEPTED' and (d.id is null or d.state not in ('ACCEPTED', 'DEEMED_ACCEPTED'));
SQL
  violations twice "an order's notifications differ from its effects (one DELIVERED per delivery, one FUNDED per funding, two DEEMED_ACCEPTED per deemed acceptance)" <<'SQL'
select w.id, x.kind, x.sent, x.expected from work_order w
 cross join lateral (values
   ('DELIVERED', (select count(*) from notification n where n.work_order_id = w.id and n.kind = 'DELIVERED'),
                 (select count(*) from delivery d where d.work_order_id = w.id)),
   ('FUNDED', (select count(*) from notification n where n.work_order_id = w.id and n.kind = 'FUNDED'),
              (select count(*) from ledger_movement m where m.work_order_id = w.id and m.kind = 'FUND')),
   ('DEEMED_ACCEPTED', (select count(*) from notification n where n.work_order_id = w.id and n.kind = 'DEEMED_ACCEPTED'),
                       2 * (select count(*) from delivery d where d.work_order_id = w.id and d.state = 'DEEMED_ACCEPTED'))
 ) as x(kind, sent, expected)
 where x.sent <> x.expected;
SQL
  end_check "exactly once: each deadline fired once, each acceptance released once, each line paid once"
}

# ---------------------------------------------------------------------------------------------

: > "$work/summary.txt"
: > "$ack"
mkdir -p "$work/classes"
javac -d "$work/classes" "$here/FaultDriver.java"
createdb -h "$pg_host" -U "$pg_user" "$db"
say "faults: $runs runs, $workers workers, database $db on $pg_host, WAR $war"

kills=0; unexpected=0; started=$(date +%s)
start_portal 0
for run in $(seq 1 "$runs"); do
  say "run $run/$runs"
  driver loop "http://127.0.0.1:$port/" "$ack" "$workers" 120 > "$work/loop-$run.txt" 2>&1 &
  driver_pid=$!
  t0=$(date +%s)
  until grep -q '^LOOP STARTED' "$work/loop-$run.txt"; do
    if ! kill -0 "$driver_pid" 2>/dev/null; then say "the loop ended before it started:"; cat "$work/loop-$run.txt"; exit 1; fi
    if (( $(date +%s) - t0 > 300 )); then say "the loop did not start in 300 s"; exit 1; fi
    sleep 0.2
  done
  delay=$(printf '%d.%03d' $((2 + RANDOM % 13)) $((RANDOM % 1000)))
  sleep "$delay"
  kill -9 "$portal_pid"
  wait "$portal_pid" 2>/dev/null || true
  kills=$((kills + 1))
  say "  killed the portal (kill -9, pid $portal_pid) ${delay} s into the loop"
  loop_rc=0
  wait "$driver_pid" || loop_rc=$?
  driver_pid=
  grep -E '^(LOOP ENDED|UNEXPECTED)' "$work/loop-$run.txt" | sed 's/^/  /' | tee -a "$work/summary.txt"
  if [[ $loop_rc -ne 0 ]]; then unexpected=$((unexpected + $(grep -c '^UNEXPECTED' "$work/loop-$run.txt" || true))); fi
  start_portal "$run"
  check_deadlines
  check_acknowledged
  check_ledger
  check_audit
  check_exactly_once
done

say "faults: $runs runs, $kills kills, $checks_passed of $checks_total checks passed;" \
    "losses $losses, doubled $twice, other violations $wrongs, unexpected answers in the loop $unexpected;" \
    "$(wc -l < "$ack") acknowledged effects;" \
    "$(sql -c "select count(*) filter (where status = 'PAID') || ' orders paid, ' || count(*) filter (where status in ('FUNDED', 'DELIVERED')) || ' funded and unpaid' from work_order");" \
    "$(( ($(date +%s) - started) / 60 )) min"
stop_started
portal_pid=
[[ $checks_passed -eq $checks_total && $unexpected -eq 0 ]]
