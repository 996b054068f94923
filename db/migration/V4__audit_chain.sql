-- The audit trail becomes a hash chain per agency: each event carries its place in the agency's
-- chain (seq 1, 2, 3, ...), the client's IP, the hash of the event before it and its own hash
-- (SHA-256, 64 hex digits; see AuditHash). Events recorded before this migration keep null in
-- these columns: they are legacy events, which precede the chain and are not verified.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

alter table audit_event add column seq bigint;
alter table audit_event add column ip varchar(64);
alter table audit_event add column previous_hash varchar(64);
alter table audit_event add column event_hash varchar(64);
alter table audit_event add constraint audit_event_seq_uq unique (tenant_id, seq);

-- The end of each agency's chain. Every append locks its agency's row (select ... for update)
-- until the transaction commits, so appends in one agency run one after the other, on any
-- number of portal nodes, and two events can never follow the same predecessor.
create table audit_chain_head (
    tenant_id bigint      not null primary key references agency (id),
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

-- Existing agencies start an empty chain: the first event follows the all-zero hash.
insert into audit_chain_head (tenant_id, last_seq, last_hash)
select id, 0, '0000000000000000000000000000000000000000000000000000000000000000' from agency;
