-- Bulwark server schema, version 2: KVM protection: hypervisors and their VMs, policies with
-- schedules, restore points, and the links of queued tasks to their workflow.
CREATE TABLE hypervisors (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    name              VARCHAR(128)  NOT NULL,
    node_id           CHAR(36)      NOT NULL,
    uri               VARCHAR(1000) NOT NULL,
    last_sync_at      DATETIME(6)   NULL,
    last_sync_message VARCHAR(2000) NULL,
    CONSTRAINT uq_hypervisors_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE vms (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    hypervisor_id CHAR(36)     NOT NULL,
    name          VARCHAR(255) NOT NULL,
    uuid          VARCHAR(64)  NOT NULL,
    state         VARCHAR(32)  NOT NULL,
    vcpus         INT          NOT NULL,
    memory_bytes  BIGINT       NOT NULL,
    disks         TEXT         NOT NULL,
    tags          TEXT         NOT NULL,
    present       BOOLEAN      NOT NULL,
    last_seen_at  DATETIME(6)  NULL,
    CONSTRAINT fk_vms_hypervisor FOREIGN KEY (hypervisor_id) REFERENCES hypervisors (id) ON DELETE CASCADE,
    INDEX idx_vms_hypervisor (hypervisor_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE policies (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    name            VARCHAR(128)  NOT NULL,
    vm_ids          TEXT          NOT NULL,
    name_patterns   TEXT          NOT NULL,
    tags            TEXT          NOT NULL,
    destination     VARCHAR(1000) NOT NULL,
    passphrase_file VARCHAR(1000) NOT NULL,
    keep_last       INT           NOT NULL,
    keep_days       INT           NOT NULL,
    full_every      INT           NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    CONSTRAINT uq_policies_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE policy_schedules (
    policy_id  CHAR(36)     NOT NULL,
    position   INT          NOT NULL,
    expression VARCHAR(255) NOT NULL,
    next_run   DATETIME(6)  NULL,
    PRIMARY KEY (policy_id, position),
    CONSTRAINT fk_schedules_policy FOREIGN KEY (policy_id) REFERENCES policies (id) ON DELETE CASCADE,
    INDEX idx_schedules_next (next_run)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE restore_points (
    id            VARCHAR(128)  NOT NULL PRIMARY KEY,
    vm_id         CHAR(36)      NOT NULL,
    vm_name       VARCHAR(255)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    bytes_read    BIGINT        NOT NULL,
    bytes_written BIGINT        NOT NULL,
    logical_bytes BIGINT        NOT NULL,
    node_id       CHAR(36)      NULL,
    node_name     VARCHAR(128)  NULL,
    destination   VARCHAR(1000) NOT NULL,
    policy_id     CHAR(36)      NULL,
    task_id       CHAR(36)      NOT NULL,
    expired_at    DATETIME(6)   NULL,
    INDEX idx_restore_points_vm (vm_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE task_links (
    task_id         CHAR(36)      NOT NULL PRIMARY KEY,
    purpose         VARCHAR(16)   NOT NULL,
    subject_id      CHAR(36)      NOT NULL,
    policy_id       CHAR(36)      NULL,
    destination     VARCHAR(1000) NULL,
    next_type       VARCHAR(32)   NULL,
    next_parameters TEXT          NULL,
    applied         BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_task_links_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    INDEX idx_task_links_applied (applied)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
