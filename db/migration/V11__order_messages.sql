-- Messages between the two parties of a work order: one thread per order, append-only. A message
-- the agency sends while the order is signed but not funded is flagged before_funding: it is
-- evidence of an instruction to start before the escrow deposit (仮払い).

create sequence order_message_seq start with 50 increment by 50;

create table order_message (
    id              bigint        not null primary key,
    tenant_id       bigint        not null references agency (id),
    work_order_id   bigint        not null references work_order (id),
    sender_id       bigint        not null references user_account (id),
    party           varchar(20)   not null,
    body            varchar(4000) not null,
    sent_at         timestamp with time zone not null,
    before_funding  boolean       not null,
    constraint order_message_party_ck check (party in ('AGENCY', 'SUBCONTRACTOR')),
    constraint order_message_body_ck check (char_length(body) between 1 and 4000),
    -- Only the agency's messages can be instructions before funding.
    constraint order_message_flag_ck check (before_funding = false or party = 'AGENCY')
);
create index order_message_order_ix on order_message (tenant_id, work_order_id, sent_at);
