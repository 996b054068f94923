-- The escrow ledger (仮払い): every money effect on a work order is a movement of double entries.
-- Rows are only inserted: balances are sums of entries, never stored totals, and a mistake is
-- corrected by a further movement. PostgreSQL also refuses changes (db/postgresql/V6_1).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

create sequence ledger_movement_seq start with 50 increment by 50;
create sequence ledger_entry_seq start with 50 increment by 50;

-- One row per work order with a ledger. Every movement locks it (select ... for update) until the
-- transaction ends, so one order's movements are checked and appended one after the other, on any
-- number of portal nodes: two releases can never both spend the same escrow. last_seq numbers the
-- order's movements; it is a counter, not a balance.
create table ledger_head (
    work_order_id bigint  not null primary key references work_order (id),
    tenant_id     bigint  not null references agency (id),
    last_seq      integer not null,
    constraint ledger_head_seq_ck check (last_seq >= 0)
);

create table ledger_movement (
    id            bigint       not null primary key,
    tenant_id     bigint       not null references agency (id),
    work_order_id bigint       not null references work_order (id),
    seq           integer      not null,
    kind          varchar(20)  not null,
    reference     varchar(200) not null,
    occurred_at   timestamp with time zone not null,
    actor_id      bigint       not null,
    constraint ledger_movement_seq_uq unique (work_order_id, seq),
    constraint ledger_movement_seq_ck check (seq > 0),
    constraint ledger_movement_kind_ck check (kind in ('FUND', 'RELEASE', 'REFUND'))
);
create index ledger_movement_order_ix on ledger_movement (tenant_id, work_order_id, seq);

-- An entry's amount is what its account gains, in minor units (yen, cents): positive adds to the
-- balance, negative takes from it. A movement's entries sum to zero in one currency.
create table ledger_entry (
    id            bigint      not null primary key,
    tenant_id     bigint      not null references agency (id),
    work_order_id bigint      not null references work_order (id),
    movement_id   bigint      not null references ledger_movement (id),
    account       varchar(30) not null,
    amount_minor  bigint      not null,
    currency      varchar(3)  not null,
    constraint ledger_entry_account_uq unique (movement_id, account),
    constraint ledger_entry_amount_ck check (amount_minor <> 0),
    constraint ledger_entry_account_ck check (account in
        ('AGENCY_FUNDING', 'ESCROW_HELD', 'RELEASED_TO_SUBCONTRACTOR', 'REFUNDED_TO_AGENCY'))
);
create index ledger_entry_order_ix on ledger_entry (tenant_id, work_order_id);
