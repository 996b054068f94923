-- Indexes for the list pages at scale (1,000 agencies, 100,000 work orders; see docs/scaling.md,
-- where each one's plan before and after is recorded). Portable SQL: the same script runs on H2
-- and PostgreSQL.

-- The work order list's default order, newest first within the agency: the first page reads 20
-- index entries instead of sorting every order of the agency.
create index work_order_created_ix on work_order (tenant_id, created_at, id);

-- The audit trail page, newest first with legacy events (no seq) last: exactly its ORDER BY, so
-- a page is an index range instead of a sort of the agency's whole trail.
create index audit_event_newest_ix on audit_event (tenant_id, seq desc nulls last, occurred_at desc, id desc);

-- The unread count in every page's header: reads only the unread notifications of the user
-- rather than all of them.
create index notification_unread_ix on notification (tenant_id, recipient_id, read_at);

-- The deadline pollers (every 15 seconds on every node) page through pending deadlines by id:
-- they walk the pending ones only, not every deadline ever fired or cancelled.
create index deadline_pending_ix on deadline (state, id);
