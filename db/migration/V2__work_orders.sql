-- Work orders, their scope lines with per-line negotiation history, and the audit trail.

create sequence work_order_seq start with 50 increment by 50;
create sequence scope_line_seq start with 50 increment by 50;
create sequence line_revision_seq start with 50 increment by 50;
create sequence audit_event_seq start with 50 increment by 50;
create sequence work_order_counter_seq start with 50 increment by 50;

create table work_order_counter (
    id         bigint  not null primary key,
    tenant_id  bigint  not null references agency (id),
    order_year integer not null,
    last_value integer not null,
    version    bigint  not null default 0,
    constraint work_order_counter_uq unique (tenant_id, order_year)
);

create table work_order (
    id                 bigint        not null primary key,
    tenant_id          bigint        not null references agency (id),
    order_number       varchar(20)   not null,
    title              varchar(200)  not null,
    description        varchar(4000),
    subcontractor_id   bigint        references user_account (id),
    language           varchar(2)    not null,
    currency           varchar(3)    not null,
    commissioned_on    date,
    period_start       date,
    delivery_date      date,
    place_of_delivery  varchar(500),
    review_days        integer       not null,
    payment_due_date   date,
    payment_method     varchar(500),
    status             varchar(20)   not null,
    terms_state        varchar(20)   not null,
    created_by         bigint        not null references user_account (id),
    created_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    agreed_at          timestamp with time zone,
    version            bigint        not null default 0,
    constraint work_order_number_uq unique (tenant_id, order_number),
    constraint work_order_status_ck check (status in ('DRAFT', 'NEGOTIATING', 'AGREED'))
);
create index work_order_tenant_ix on work_order (tenant_id, status);
create index work_order_subcontractor_ix on work_order (tenant_id, subcontractor_id);

create table scope_line (
    id                  bigint         not null primary key,
    tenant_id           bigint         not null references agency (id),
    work_order_id       bigint         not null references work_order (id),
    sort_order          integer        not null,
    text                varchar(2000)  not null,
    deliverable         varchar(1000),
    acceptance_criteria varchar(2000),
    quantity            numeric(12, 2) not null,
    unit                varchar(20)    not null,
    unit_price_minor    bigint         not null,
    state               varchar(20)    not null,
    proposed_by         varchar(20)    not null,
    version             bigint         not null default 0,
    constraint scope_line_quantity_ck check (quantity > 0),
    constraint scope_line_price_ck check (unit_price_minor >= 0)
);
create index scope_line_order_ix on scope_line (work_order_id, sort_order);

create table line_revision (
    id                  bigint         not null primary key,
    tenant_id           bigint         not null references agency (id),
    work_order_id       bigint         not null references work_order (id),
    line_id             bigint         not null references scope_line (id),
    action              varchar(30)    not null,
    party               varchar(20)    not null,
    actor_id            bigint         not null references user_account (id),
    actor_name          varchar(100)   not null,
    occurred_at         timestamp with time zone not null,
    text                varchar(2000)  not null,
    deliverable         varchar(1000),
    acceptance_criteria varchar(2000),
    quantity            numeric(12, 2) not null,
    unit                varchar(20)    not null,
    unit_price_minor    bigint         not null
);
create index line_revision_order_ix on line_revision (work_order_id, occurred_at);

create table audit_event (
    id           bigint        not null primary key,
    tenant_id    bigint        not null references agency (id),
    occurred_at  timestamp with time zone not null,
    actor_id     bigint        not null,
    action       varchar(60)   not null,
    subject_type varchar(40)   not null,
    subject_id   bigint        not null,
    details      varchar(4000)
);
create index audit_event_subject_ix on audit_event (tenant_id, subject_type, subject_id);
