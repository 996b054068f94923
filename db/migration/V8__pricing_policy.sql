-- Each agency's pricing policy for change requests, its rush surcharge tiers and its rate card
-- (単価表), and whether a subcontractor's fees are subject to withholding tax (源泉徴収).
-- An agency without a pricing_policy row uses the portal's defaults (PricingPolicy.defaults(),
-- an empty rate card, quotes valid 7 days); its first save creates the row and its tiers.
-- Percentages are stored as percent (50.00 is 50%), amounts in the currency's minor units.
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15 or later.

create sequence pricing_policy_seq start with 50 increment by 50;
create sequence rush_tier_seq start with 50 increment by 50;
create sequence rate_card_entry_seq start with 50 increment by 50;

create table pricing_policy (
    id                        bigint        not null primary key,
    tenant_id                 bigint        not null references agency (id),
    kill_fee_delivered_pct    numeric(5, 2) not null,
    kill_fee_in_progress_pct  numeric(5, 2) not null,
    daily_capacity_hours      numeric(4, 2) not null,
    hourly_estimate_jpy_minor bigint        not null,
    hourly_estimate_usd_minor bigint        not null,
    quote_valid_days          integer       not null,
    version                   bigint        not null default 0,
    constraint pricing_policy_tenant_uq unique (tenant_id),
    constraint pricing_policy_kill_fee_delivered_ck
        check (kill_fee_delivered_pct >= 0 and kill_fee_delivered_pct <= 100),
    constraint pricing_policy_kill_fee_in_progress_ck
        check (kill_fee_in_progress_pct >= 0 and kill_fee_in_progress_pct <= 100),
    constraint pricing_policy_capacity_ck
        check (daily_capacity_hours > 0 and daily_capacity_hours <= 24),
    constraint pricing_policy_hourly_ck
        check (hourly_estimate_jpy_minor > 0 and hourly_estimate_usd_minor > 0),
    constraint pricing_policy_quote_days_ck check (quote_valid_days between 1 and 30)
);

-- From min_days_left calendar days before the due date, added work costs rate_pct more. Saved
-- with the policy row, whose version guards them; one tier always starts at 0 days.
create table rush_tier (
    id            bigint        not null primary key,
    tenant_id     bigint        not null references agency (id),
    min_days_left integer       not null,
    rate_pct      numeric(6, 2) not null,
    constraint rush_tier_uq unique (tenant_id, min_days_left),
    constraint rush_tier_days_ck check (min_days_left >= 0),
    constraint rush_tier_rate_ck check (rate_pct >= 0 and rate_pct <= 1000)
);

-- One standard unit price per unit, category and currency; a null category prices the unit in
-- any category. NULLS NOT DISTINCT makes the null category count once, too.
create table rate_card_entry (
    id               bigint      not null primary key,
    tenant_id        bigint      not null references agency (id),
    unit             varchar(20) not null,
    category         varchar(50),
    currency         varchar(3)  not null,
    unit_price_minor bigint      not null,
    constraint rate_card_entry_uq unique nulls not distinct (tenant_id, unit, category, currency),
    constraint rate_card_entry_unit_ck
        check (unit in ('HOUR', 'DAY', 'PAGE', 'SCREEN', 'ITEM', 'LUMP_SUM')),
    constraint rate_card_entry_price_ck check (unit_price_minor > 0)
);

-- 源泉徴収の対象となる個人: a subcontractor who is an individual says so on its profile; quotes then
-- show the withholding tax. Always false for agency accounts.
alter table user_account add column withholding_applies boolean default false not null;
