-- State that every node of a cluster must share, kept in the database rather than on one node.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

-- The portal CA's and the signers' keys, each as PKCS#12 bytes whose key is encrypted with
-- portal.signing.keystore-password. name: 'ca', or 'signer:' and the SHA-256 of who signs for
-- which organisation (see AgreementSealer). The first node to start creates the CA; the others
-- read it.
create table signing_key (
    name        varchar(80) not null primary key,
    pkcs12      bytea       not null,
    created_at  timestamp with time zone not null
);

-- Rate limits counted across nodes: one row per limit, subject (a client address) and fixed
-- window, named by count_key; rows whose window has ended are purged.
create table rate_count (
    count_key   varchar(200) not null primary key,
    window_end  timestamp with time zone not null,
    hits        integer      not null
);
create index rate_count_window_end_ix on rate_count (window_end);
