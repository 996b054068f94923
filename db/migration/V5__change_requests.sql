-- Change requests after signing: the proposal, the quote it was priced at (immutable), the
-- agreement version it was priced against, and how it ended.

create sequence change_request_seq start with 50 increment by 50;

create table change_request (
    id                 bigint        not null primary key,
    tenant_id          bigint        not null references agency (id),
    work_order_id      bigint        not null references work_order (id),
    request_number     integer       not null,
    agreement_id       bigint        not null references agreement (id),
    agreement_version  integer       not null,
    proposed_by        varchar(20)   not null,
    proposer_id        bigint        not null references user_account (id),
    reason             varchar(2000) not null,
    proposal           text          not null,
    quote              text          not null,
    currency           varchar(3)    not null,
    total_minor        bigint        not null,
    escrow_minor       bigint        not null,
    state              varchar(20)   not null,
    created_at         timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    decided_at         timestamp with time zone,
    decided_by         bigint        references user_account (id),
    decision_reason    varchar(2000),
    counter_of         bigint        references change_request (id),
    amendment_id       bigint        references agreement (id),
    version            bigint        not null default 0,
    constraint change_request_uq unique (tenant_id, work_order_id, request_number),
    constraint change_request_state_ck
        check (state in ('PRICED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'COUNTERED')),
    constraint change_request_party_ck check (proposed_by in ('AGENCY', 'SUBCONTRACTOR'))
);
create index change_request_order_ix on change_request (tenant_id, work_order_id);
