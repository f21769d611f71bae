-- Bulwark server schema, version 30: GFS retention (keep daily/weekly/monthly/yearly), pre/post
-- commands of policies (JSON: pre and post argument lists, timeout), and the time-window close of
-- scheduled backups in their task links. Existing rows keep their meaning (GFS off, no commands).
ALTER TABLE policies
    ADD COLUMN keep_daily   INT  NOT NULL DEFAULT 0,
    ADD COLUMN keep_weekly  INT  NOT NULL DEFAULT 0,
    ADD COLUMN keep_monthly INT  NOT NULL DEFAULT 0,
    ADD COLUMN keep_yearly  INT  NOT NULL DEFAULT 0,
    ADD COLUMN commands     TEXT NULL;

ALTER TABLE task_links
    ADD COLUMN not_after   DATETIME(6) NULL,
    ADD COLUMN window_text VARCHAR(32) NULL;
