-- Deadlines: moments at which the portal acts by itself, such as deemed acceptance (みなし検収)
-- when a review period ends in silence, or a quote's expiry. They are rows, so they survive
-- restarts; every node polls them, and each fires exactly once: the node whose conditional update
-- turns it from PENDING to FIRED runs its effect in that same transaction.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

create sequence deadline_seq start with 50 increment by 50;

-- pending_subject_id is subject_id while the deadline is PENDING and null otherwise, so the unique
-- constraint allows one pending deadline per kind and subject, and any number of past ones (a null
-- is distinct from every other null on both databases).
create table deadline (
    id                 bigint       not null primary key,
    tenant_id          bigint       not null references agency (id),
    kind               varchar(40)  not null,
    subject_id         bigint       not null,
    due_at             timestamp with time zone not null,
    state              varchar(20)  not null,
    pending_subject_id bigint,
    claimed_by         varchar(100),
    fired_at           timestamp with time zone,
    version            bigint       not null default 0,
    constraint deadline_state_ck check (state in ('PENDING', 'FIRED', 'CANCELLED')),
    constraint deadline_pending_ck check (
        (state = 'PENDING' and pending_subject_id = subject_id)
        or (state <> 'PENDING' and pending_subject_id is null)),
    constraint deadline_fired_ck check (
        state <> 'FIRED' or (fired_at is not null and claimed_by is not null)),
    constraint deadline_pending_uq unique (tenant_id, kind, pending_subject_id)
);
-- The pollers' question, across agencies: which pending deadlines are due?
create index deadline_due_ix on deadline (state, due_at);
create index deadline_subject_ix on deadline (tenant_id, kind, subject_id);
