-- Files delivered with a delivery, kept in the database and served only to the order's parties;
-- and the lines a delivery covers when it is not the whole order.

create sequence delivery_attachment_seq start with 50 increment by 50;

create table delivery_attachment (
    id            bigint        not null primary key,
    tenant_id     bigint        not null references agency (id),
    delivery_id   bigint        not null references delivery (id),
    work_order_id bigint        not null references work_order (id),
    file_name     varchar(255)  not null,
    byte_count    bigint        not null,
    sha256        varchar(64)   not null,
    content       bytea         not null,
    uploaded_at   timestamp with time zone not null,
    constraint delivery_attachment_size_ck check (byte_count > 0)
);
create index delivery_attachment_ix on delivery_attachment (tenant_id, delivery_id);

-- The lines a delivery covers, by their number in the agreement; null for the whole order.
alter table delivery add column delivered_lines varchar(2000);
