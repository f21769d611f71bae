-- Microsoft 365 protection: policies of tenants (their schedules share policy_schedules with the VM
-- policies, so its foreign key to policies goes; every store deletes its policies' schedules), the
-- backups queued for them until their outcome is applied, and the tenants' restore points.
ALTER TABLE policy_schedules DROP FOREIGN KEY fk_schedules_policy;

CREATE TABLE m365_policies (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    tenant          CHAR(36)      NOT NULL,
    name            VARCHAR(128)  NOT NULL,
    user_ids        TEXT          NOT NULL,
    name_patterns   TEXT          NOT NULL,
    destination     VARCHAR(1000) NOT NULL,
    passphrase_file VARCHAR(1000) NOT NULL,
    keep_last       INT           NOT NULL,
    keep_days       INT           NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    CONSTRAINT uq_m365_policies_name UNIQUE (tenant, name),
    CONSTRAINT fk_m365_policies_tenant FOREIGN KEY (tenant) REFERENCES m365_tenants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE m365_backups (
    task_id         CHAR(36)      NOT NULL PRIMARY KEY,
    tenant          CHAR(36)      NOT NULL,
    policy_id       CHAR(36)      NULL,
    destination     VARCHAR(1000) NOT NULL,
    passphrase_file VARCHAR(1000) NULL,
    applied         BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_m365_backups_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    INDEX idx_m365_backups_applied (applied)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE m365_restore_points (
    tenant          CHAR(36)      NOT NULL,
    id              BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    items           BIGINT        NOT NULL,
    bytes           BIGINT        NOT NULL,
    node_id         CHAR(36)      NOT NULL,
    destination     VARCHAR(1000) NOT NULL,
    passphrase_file VARCHAR(1000) NULL,
    policy_id       CHAR(36)      NULL,
    task_id         CHAR(36)      NOT NULL,
    PRIMARY KEY (tenant, id),
    CONSTRAINT fk_m365_points_tenant FOREIGN KEY (tenant) REFERENCES m365_tenants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
