-- Sign-up verification and sign-in throttling that holds under concurrency.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

-- An agency admin who signs up proves the address by a single-use link before signing in.
-- Accounts that exist already (demo data, earlier sign-ups, invited accounts) count as verified.
alter table user_account add column email_verified_at timestamp with time zone;
update user_account set email_verified_at = created_at;

create sequence email_verification_seq start with 50 increment by 50;

-- Only the SHA-256 of a link's secret is stored (as for invitations). used_at: used, or voided by
-- a newer link.
create table email_verification (
    id          bigint      not null primary key,
    user_id     bigint      not null references user_account (id),
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    version     bigint      not null default 0,
    constraint email_verification_token_uq unique (token_hash)
);
create index email_verification_user_ix on email_verification (user_id);

-- Mails about accounts (the verification link) report no notification.
alter table mail_outbox alter column notification_id drop not null;

-- Sign-in attempts for one e-mail address lock the same one of these rows while they count and
-- record its failures, so parallel attempts cannot all pass the limit (see SignInFailures).
create table sign_in_lock (
    stripe integer not null primary key
);
insert into sign_in_lock (stripe) values (0),(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32),(33),(34),(35),(36),(37),(38),(39),(40),(41),(42),(43),(44),(45),(46),(47),(48),(49),(50),(51),(52),(53),(54),(55),(56),(57),(58),(59),(60),(61),(62),(63);
