-- Bulwark server schema, version 42: tenant policies keep GFS retention (daily/weekly/monthly/yearly)
-- like VM policies (V30); existing rows keep their meaning (GFS off).
ALTER TABLE m365_policies
    ADD COLUMN keep_daily   INT NOT NULL DEFAULT 0,
    ADD COLUMN keep_weekly  INT NOT NULL DEFAULT 0,
    ADD COLUMN keep_monthly INT NOT NULL DEFAULT 0,
    ADD COLUMN keep_yearly  INT NOT NULL DEFAULT 0;
