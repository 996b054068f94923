-- The queries behind the list pages, as EclipseLink sends them (taken from PostgreSQL's log with
-- log_min_duration_statement = 0), for the big agency (tenant 1: 10,000 orders) and its admin
-- (account 1), and subcontractor 1 (account 2001, engaged by 100 agencies). Run:
--   psql -h 127.0.0.1 -U postgres -d ishibashi_big -f src/test/bigdata/explain.sql
\pset pager off
\echo '== 1. work order list, agency, newest first, first page'
explain (analyze, buffers, costs off) select t1.*, t0.id, t0.display_name from work_order t1
  left outer join user_account t0 on (t0.id = t1.subcontractor_id)
  where ((1 = 1) and (t1.tenant_id = 1)) order by t1.created_at desc, t1.id desc limit 20 offset 0;
\echo '== 2. the same, last page (offset 9980)'
explain (analyze, buffers, costs off) select t1.*, t0.id, t0.display_name from work_order t1
  left outer join user_account t0 on (t0.id = t1.subcontractor_id)
  where ((1 = 1) and (t1.tenant_id = 1)) order by t1.created_at desc, t1.id desc limit 20 offset 9980;
\echo '== 3. work order list, filtered by status NEGOTIATING, sorted by delivery date'
explain (analyze, buffers, costs off) select t1.*, t0.id from work_order t1
  left outer join user_account t0 on (t0.id = t1.subcontractor_id)
  where t1.status = 'NEGOTIATING' and t1.tenant_id = 1 order by t1.delivery_date desc, t1.id desc limit 20;
\echo '== 4. work order count'
explain (analyze, buffers, costs off) select count(id) from work_order where ((1 = 1) and (tenant_id = 1));
\echo '== 5. subcontractor dashboard list (subcontractor 1 in agency 1)'
explain (analyze, buffers, costs off) select t1.*, t0.id from user_account t0, work_order t1
  where t1.subcontractor_id = 2001 and t1.status <> 'DRAFT' and t1.tenant_id = 1 and t0.id = t1.subcontractor_id
  order by t1.created_at desc, t1.id desc limit 20 offset 0;
\echo '== 6. subcontractor workplaces (engagements across agencies)'
explain (analyze, buffers, costs off) select t0.tenant_id, t1.name from engagement t0, agency t1
  where t1.id = t0.tenant_id and t0.subcontractor_id = 2001 and t0.ended_at is null order by t1.name, t1.id;
\echo '== 7. engaged subcontractors (the list filter), agency 1'
explain (analyze, buffers, costs off) select t0.* from user_account t0, engagement t1
  where t1.ended_at is null and t1.tenant_id = 1 and t0.id = t1.subcontractor_id order by t0.display_name;
\echo '== 8. audit trail, newest first, first page'
explain (analyze, buffers, costs off) select * from audit_event where tenant_id = 1
  order by seq desc nulls last, occurred_at desc, id desc limit 20 offset 0;
\echo '== 9. audit trail count'
explain (analyze, buffers, costs off) select count(id) from audit_event where tenant_id = 1;
\echo '== 10. inbox, agency 1 admin'
explain (analyze, buffers, costs off) select * from notification where recipient_id = 1 and tenant_id = 1
  order by created_at desc, id desc limit 20 offset 0;
\echo '== 11. unread count (every page, in the header)'
explain (analyze, buffers, costs off) select count(id) from notification
  where recipient_id = 1 and read_at is null and tenant_id = 1;
\echo '== 12. order page: lines, revisions'
explain (analyze, buffers, costs off) select * from scope_line where work_order_id = 1010 and tenant_id = 1 order by sort_order;
explain (analyze, buffers, costs off) select * from line_revision where work_order_id = 1010 and tenant_id = 1 order by occurred_at, id;
\echo '== 13. deadline poller (every 15 s on every node)'
explain (analyze, buffers, costs off) select id, due_at, kind, state, subject_id, tenant_id from deadline
  where state = 'PENDING' and due_at <= now() and id > 0 order by id limit 100;
\echo '== 14. reputation of agency 1 (each order page a subcontractor opens)'
explain (analyze, buffers, costs off) select signed_at, funded_at from work_order where tenant_id = 1 and signed_at is not null;
explain (analyze, buffers, costs off) select delivered_at, decided_at, state from delivery where tenant_id = 1
  and state in ('ACCEPTED', 'DEEMED_ACCEPTED', 'REJECTED');
explain (analyze, buffers, costs off) select quote from change_request where tenant_id = 1 and proposed_by = 'AGENCY';
explain (analyze, buffers, costs off) select d.payment_due_on, min(m.occurred_at) from delivery d
  join ledger_movement m on m.work_order_id = d.work_order_id and m.tenant_id = d.tenant_id and m.kind = 'RELEASE'
  where d.tenant_id = 1 and d.state in ('ACCEPTED', 'DEEMED_ACCEPTED') group by d.work_order_id, d.payment_due_on;
