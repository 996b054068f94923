-- Notifications: the in-app inbox of each user, one row per event that concerns them, kept in the
-- agency (tenant) the event happened in. When e-mail is enabled, each notification also gets one
-- mail_outbox row in the same transaction; pollers on every node claim due rows with a conditional
-- update and send them, so a notification never waits for, or fails with, an SMTP server.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

create sequence notification_seq start with 50 increment by 50;
create sequence mail_outbox_seq start with 50 increment by 50;

-- params: the message's arguments ({0}, {1}, …), separated by U+001F (see NotificationParams).
create table notification (
    id            bigint       not null primary key,
    tenant_id     bigint       not null references agency (id),
    recipient_id  bigint       not null references user_account (id),
    kind          varchar(30)  not null,
    work_order_id bigint       references work_order (id),
    params        text,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone
);
-- The inbox's questions: a recipient's notifications in an agency, newest first; the unread count.
create index notification_inbox_ix on notification (tenant_id, recipient_id, created_at);

create table mail_outbox (
    id              bigint       not null primary key,
    tenant_id       bigint       not null references agency (id),
    notification_id bigint       not null references notification (id),
    recipient       varchar(254) not null,
    subject         varchar(300) not null,
    body            text         not null,
    state           varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    version         bigint       not null default 0,
    constraint mail_outbox_state_ck check (state in ('PENDING', 'SENT', 'FAILED')),
    constraint mail_outbox_attempts_ck check (attempts >= 0)
);
-- The pollers' question, across agencies: which pending mails are due?
create index mail_outbox_due_ix on mail_outbox (state, next_attempt_at);
