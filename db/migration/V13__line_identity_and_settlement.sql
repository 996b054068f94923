-- The agreement binds: deliveries, reviews and escrow releases point at scope lines by their
-- stable id, never by their position in one version; ACCEPTED is no longer a stored state (an
-- order whose last line is accepted is PAID in the same step); termination records who ended the
-- order and how; a demand for performance (催告) is kept on the order.

-- The lines a delivery covers, by id; at_fault marks the lines a rejection names.
create sequence delivery_line_seq start with 50 increment by 50;
create table delivery_line (
    id            bigint   not null primary key,
    tenant_id     bigint   not null references agency (id),
    delivery_id   bigint   not null references delivery (id),
    line_id       bigint   not null references scope_line (id),
    at_fault      boolean  not null default false,
    constraint delivery_line_uq unique (delivery_id, line_id)
);
create index delivery_line_ix on delivery_line (tenant_id, delivery_id);

-- What the escrow released for one line, once: the unique line_id is the database's own guard
-- that a line is never paid twice. The amount is the line's amount plus its consumption tax in
-- the agreement version current when it was accepted (or, on termination, the kill fee).
create sequence line_payment_seq start with 50 increment by 50;
create table line_payment (
    id                bigint      not null primary key,
    tenant_id         bigint      not null references agency (id),
    work_order_id     bigint      not null references work_order (id),
    line_id           bigint      not null references scope_line (id),
    delivery_id       bigint      references delivery (id),
    agreement_version integer     not null,
    basis             varchar(20) not null,
    amount_minor      bigint      not null,
    currency          varchar(3)  not null,
    paid_at           timestamp with time zone not null,
    constraint line_payment_line_uq unique (line_id),
    constraint line_payment_amount_ck check (amount_minor >= 0),
    constraint line_payment_basis_ck check (basis in ('ACCEPTED', 'DELIVERED', 'KILL_FEE'))
);
create index line_payment_order_ix on line_payment (tenant_id, work_order_id);

-- ACCEPTED was only ever a step on the way to PAID inside one transaction.
update work_order set status = 'PAID' where status = 'ACCEPTED';
alter table work_order drop constraint work_order_status_ck;
alter table work_order add constraint work_order_status_ck
    check (status in ('DRAFT', 'NEGOTIATING', 'AGREED', 'SIGNED', 'FUNDED', 'DELIVERED',
                      'PAID', 'CANCELLED'));

-- An accepted change request awaits both signatures on its amendment: nothing is delivered,
-- reviewed or paid on the amended scope until then.
alter table work_order add column amendment_pending boolean default false not null;

-- How a cancelled order ended: CANCELLED (before funding), TERMINATED (by the agency),
-- WITHDRAWN (by the subcontractor), NON_PERFORMANCE (after an unanswered demand), MUTUAL (a
-- change request cancelling the rest, accepted and signed by both).
alter table work_order add column ended_by varchar(20);
alter table work_order add constraint work_order_ended_by_ck
    check (ended_by is null or ended_by in ('CANCELLED', 'TERMINATED', 'WITHDRAWN', 'NON_PERFORMANCE',
                                            'MUTUAL'));

-- The amendment awaiting signatures cancels the rest of the order: signing it ends the order.
alter table work_order add column ending_agreed boolean default false not null;

-- The agency's demand for performance (催告) and the deadline it gave; the message that carries it
-- in the order's thread is flagged as evidence, like an instruction before funding.
alter table order_message add column demand boolean default false not null;
alter table work_order add column demand_sent_at timestamp with time zone;
alter table work_order add column demand_deadline date;

-- The agency's policy for non-performance: grace days after the due date before a demand may be
-- sent, and the days the demand gives.
alter table pricing_policy add column grace_days integer default 7 not null;
alter table pricing_policy add column demand_days integer default 7 not null;
alter table pricing_policy add constraint pricing_policy_grace_ck
    check (grace_days >= 0 and grace_days <= 90);
alter table pricing_policy add constraint pricing_policy_demand_ck
    check (demand_days >= 1 and demand_days <= 90);
