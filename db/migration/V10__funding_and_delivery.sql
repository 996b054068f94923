-- Funding, delivery, acceptance and cancellation: the work order's later states and the
-- deliveries.

alter table work_order add column funded_at timestamp with time zone;
alter table work_order add column started_at timestamp with time zone;
alter table work_order add column delivered_at timestamp with time zone;
alter table work_order add column accepted_at timestamp with time zone;
alter table work_order add column paid_at timestamp with time zone;
alter table work_order add column cancelled_at timestamp with time zone;
alter table work_order add column cancel_reason varchar(2000);
alter table work_order add column termination_notice_on date;
alter table work_order drop constraint work_order_status_ck;
alter table work_order add constraint work_order_status_ck
    check (status in ('DRAFT', 'NEGOTIATING', 'AGREED', 'SIGNED', 'FUNDED', 'DELIVERED',
                      'ACCEPTED', 'PAID', 'CANCELLED'));

create sequence delivery_seq start with 50 increment by 50;

create table delivery (
    id                bigint        not null primary key,
    tenant_id         bigint        not null references agency (id),
    work_order_id     bigint        not null references work_order (id),
    delivery_number   integer       not null,
    delivered_by      bigint        not null references user_account (id),
    delivered_at      timestamp with time zone not null,
    received_on       date          not null,
    review_ends_at    timestamp with time zone not null,
    payment_due_on    date          not null,
    note              varchar(4000),
    state             varchar(20)   not null,
    decided_at        timestamp with time zone,
    decided_by        bigint,
    rejection_reason  varchar(2000),
    rejected_lines    varchar(2000),
    version           bigint        not null default 0,
    constraint delivery_uq unique (tenant_id, work_order_id, delivery_number),
    constraint delivery_state_ck
        check (state in ('SUBMITTED', 'ACCEPTED', 'DEEMED_ACCEPTED', 'REJECTED'))
);
create index delivery_order_ix on delivery (tenant_id, work_order_id);
