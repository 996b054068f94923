-- PostgreSQL only (DatabaseMigrations adds db/postgresql when the database is PostgreSQL; H2 has
-- no such guard), like V4_1 for the audit trail:
-- 1. ledger movements and entries can be inserted and read, never changed or removed: any UPDATE,
--    DELETE or TRUNCATE fails, whoever sends it, until the table's owner or a superuser drops or
--    disables the trigger;
-- 2. at commit, every movement has at least two entries, in one currency, summing to zero, and
--    every entry belongs to the work order of its movement. The checks are deferred constraint
--    triggers, so a movement and its entries may be inserted in any order within a transaction.
-- docs/operations.md shows how to check it.

create function ledger_append_only() returns trigger
language plpgsql
as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using hint = 'Ledger rows are never changed or removed; a further movement corrects a mistake (see docs/operations.md, Escrow ledger).';
end;
$$;

create trigger ledger_movement_no_update_or_delete
    before update or delete on ledger_movement
    for each row execute function ledger_append_only();
create trigger ledger_movement_no_truncate
    before truncate on ledger_movement
    for each statement execute function ledger_append_only();
create trigger ledger_entry_no_update_or_delete
    before update or delete on ledger_entry
    for each row execute function ledger_append_only();
create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_append_only();

create function ledger_movement_balanced() returns trigger
language plpgsql
as $$
declare
    movement bigint;
    total    numeric;
    entries  integer;
    currencies integer;
    strangers integer;
begin
    if tg_table_name = 'ledger_movement' then
        movement := new.id;
    else
        movement := new.movement_id;
    end if;
    select coalesce(sum(e.amount_minor), 0), count(e.id), count(distinct e.currency),
           count(*) filter (where e.work_order_id <> m.work_order_id or e.tenant_id <> m.tenant_id)
      into total, entries, currencies, strangers
      from ledger_movement m left join ledger_entry e on e.movement_id = m.id
     where m.id = movement;
    if total <> 0 or entries < 2 or currencies <> 1 or strangers <> 0 then
        raise exception 'ledger movement % is unbalanced: % entries summing to % in % currencies, % of another order',
            movement, entries, total, currencies, strangers;
    end if;
    return null;
end;
$$;

create constraint trigger ledger_movement_balanced
    after insert on ledger_movement
    deferrable initially deferred
    for each row execute function ledger_movement_balanced();
create constraint trigger ledger_entry_balanced
    after insert on ledger_entry
    deferrable initially deferred
    for each row execute function ledger_movement_balanced();
