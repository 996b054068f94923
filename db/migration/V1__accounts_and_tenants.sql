-- Agencies (the tenants), accounts, memberships, engagements and invitations.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

create sequence agency_seq start with 50 increment by 50;
create sequence user_seq start with 50 increment by 50;
create sequence membership_seq start with 50 increment by 50;
create sequence engagement_seq start with 50 increment by 50;
create sequence invitation_seq start with 50 increment by 50;
create sequence sign_in_failure_seq start with 50 increment by 50;

create table agency (
    id         bigint       not null primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    version    bigint       not null default 0
);

create table user_account (
    id            bigint       not null primary key,
    email         varchar(254) not null,
    display_name  varchar(100) not null,
    password_hash varchar(400) not null,
    kind          varchar(20)  not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null default 0,
    constraint user_account_email_uq unique (email),
    constraint user_account_kind_ck check (kind in ('AGENCY', 'SUBCONTRACTOR'))
);

create table membership (
    id        bigint      not null primary key,
    tenant_id bigint      not null references agency (id),
    user_id   bigint      not null references user_account (id),
    role      varchar(20) not null,
    joined_at timestamp with time zone not null,
    ended_at  timestamp with time zone,
    version   bigint      not null default 0,
    constraint membership_role_ck check (role in ('AGENCY_ADMIN', 'AGENCY_STAFF'))
);
create index membership_tenant_ix on membership (tenant_id);
create index membership_user_ix on membership (user_id);

create table engagement (
    id               bigint    not null primary key,
    tenant_id        bigint    not null references agency (id),
    subcontractor_id bigint    not null references user_account (id),
    started_at       timestamp with time zone not null,
    ended_at         timestamp with time zone,
    version          bigint    not null default 0,
    constraint engagement_uq unique (tenant_id, subcontractor_id)
);
create index engagement_subcontractor_ix on engagement (subcontractor_id);

create table invitation (
    id          bigint       not null primary key,
    tenant_id   bigint       not null references agency (id),
    email       varchar(254) not null,
    role        varchar(20)  not null,
    token_hash  varchar(64)  not null,
    state       varchar(20)  not null,
    invited_by  bigint       not null references user_account (id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    closed_at   timestamp with time zone,
    accepted_by bigint references user_account (id),
    version     bigint       not null default 0,
    constraint invitation_token_uq unique (token_hash),
    constraint invitation_role_ck check (role in ('AGENCY_ADMIN', 'AGENCY_STAFF', 'SUBCONTRACTOR')),
    constraint invitation_state_ck check (state in ('OPEN', 'ACCEPTED', 'REVOKED'))
);
create index invitation_tenant_ix on invitation (tenant_id, created_at);

create table sign_in_failure (
    id        bigint       not null primary key,
    email     varchar(254) not null,
    failed_at timestamp with time zone not null
);
create index sign_in_failure_email_ix on sign_in_failure (email, failed_at);
