-- Signed agreements: each frozen version of a work order's agreed content, the parties'
-- signatures on its content hash, the signed PDF, and the public verification log.
-- The parties' addresses and invoice registration numbers are named in agreements.

alter table agency add column address varchar(500);
alter table agency add column registration_number varchar(14);
alter table user_account add column address varchar(500);
alter table user_account add column registration_number varchar(14);

create sequence agreement_seq start with 50 increment by 50;
create sequence agreement_signature_seq start with 50 increment by 50;
create sequence agreement_document_seq start with 50 increment by 50;
create sequence pdf_verification_seq start with 50 increment by 50;

create table agreement (
    id             bigint       not null primary key,
    tenant_id      bigint       not null references agency (id),
    work_order_id  bigint       not null references work_order (id),
    version_no     integer      not null,
    state          varchar(20)  not null,
    content        text         not null,
    content_hash   varchar(64)  not null,
    previous_hash  varchar(64),
    frozen_at      timestamp with time zone not null,
    signed_at      timestamp with time zone,
    voided_at      timestamp with time zone,
    version        bigint       not null default 0
);
create index agreement_order_ix on agreement (tenant_id, work_order_id);

create table agreement_signature (
    id             bigint       not null primary key,
    tenant_id      bigint       not null references agency (id),
    agreement_id   bigint       not null references agreement (id),
    party          varchar(20)  not null,
    signer_id      bigint       not null references user_account (id),
    signer_name    varchar(100) not null,
    organisation   varchar(200) not null,
    signed_at      timestamp with time zone not null,
    ip             varchar(64),
    user_agent     varchar(500),
    content_hash   varchar(64)  not null,
    consent_hash   varchar(64)  not null,
    voided_at      timestamp with time zone
);
create index agreement_signature_ix on agreement_signature (agreement_id);

-- The signed PDF, stored once and served unchanged; its SHA-256 identifies it when verified.
create table agreement_document (
    id            bigint       not null primary key,
    tenant_id     bigint       not null references agency (id),
    agreement_id  bigint       not null references agreement (id),
    sha256        varchar(64)  not null,
    byte_count    integer      not null,
    pdf           bytea        not null,
    created_at    timestamp with time zone not null,
    constraint agreement_document_uq unique (agreement_id)
);
create index agreement_document_sha_ix on agreement_document (sha256);

-- Every upload to the public verify page: anyone may verify, so this log is not per tenant.
create table pdf_verification (
    id            bigint       not null primary key,
    occurred_at   timestamp with time zone not null,
    ip            varchar(64),
    user_agent    varchar(500),
    outcome       varchar(20)  not null,
    byte_count    bigint       not null,
    sha256        varchar(64),
    agreement_id  bigint
);
-- A work order is SIGNED once both parties signed its agreement.
alter table work_order add column signed_at timestamp with time zone;
alter table work_order drop constraint work_order_status_ck;
alter table work_order add constraint work_order_status_ck
    check (status in ('DRAFT', 'NEGOTIATING', 'AGREED', 'SIGNED'));
alter table agreement add constraint agreement_state_ck
    check (state in ('AWAITING_SIGNATURES', 'SIGNED', 'VOID'));
alter table agreement_signature add constraint agreement_signature_party_ck
    check (party in ('AGENCY', 'SUBCONTRACTOR'));
