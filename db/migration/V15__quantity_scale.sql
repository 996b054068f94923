-- A scope line's quantity keeps four decimals (0.0001), not two: 0.125 days or 1.3333 hours are
-- what people agree on, and a quantity the domain accepts must be stored as it was typed. Ten
-- integer digits stay, far above the largest quantity the portal takes (1,000,000).
-- Portable SQL: SET DATA TYPE keeps NOT NULL and the checks, on H2 2.2 and PostgreSQL alike.

alter table scope_line alter column quantity set data type numeric(14, 4);
alter table line_revision alter column quantity set data type numeric(14, 4);
