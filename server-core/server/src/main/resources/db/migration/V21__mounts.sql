-- Open mounts of restore points (file-level restore), recorded from MOUNT results, deleted on UNMOUNT
-- or when their node no longer has them.
CREATE TABLE mounts (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    restore_point_id VARCHAR(128)  NOT NULL,
    vm_id            CHAR(36)      NOT NULL,
    vm_name          VARCHAR(255)  NOT NULL,
    disk             VARCHAR(255)  NULL,
    size             BIGINT        NOT NULL,
    nbd_uri          VARCHAR(1000) NULL,
    node_id          CHAR(36)      NOT NULL,
    node_name        VARCHAR(128)  NULL,
    opened           DATETIME(6)   NOT NULL,
    partitions       TEXT          NOT NULL,
    INDEX idx_mounts_node (node_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
