-- PostgreSQL only (DatabaseMigrations adds db/postgresql when the database is PostgreSQL; H2 has
-- no such guard): audit events can be inserted and read, never changed or removed. Any UPDATE,
-- DELETE or TRUNCATE of audit_event fails, whoever sends it, until the table's owner or a
-- superuser drops or disables the trigger. docs/operations.md shows how to check it, and the
-- stronger set-up with a separate role that holds no UPDATE or DELETE grant on the table.

create function audit_event_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using hint = 'Audit events are never changed or removed (see docs/operations.md, Audit trail).';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
