-- Bulwark server schema, version 1: users, sessions, nodes, the task queue and its log.
CREATE TABLE users (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sessions (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_sessions_user FOREIGN KEY (username) REFERENCES users (username) ON DELETE CASCADE,
    INDEX idx_sessions_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE nodes (
    id                   CHAR(36)     NOT NULL PRIMARY KEY,
    name                 VARCHAR(128) NOT NULL,
    host                 VARCHAR(255) NOT NULL,
    ssh_port             INT          NOT NULL,
    host_key             TEXT         NOT NULL,
    host_key_fingerprint VARCHAR(128) NOT NULL,
    enrolled_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uq_nodes_name UNIQUE (name),
    CONSTRAINT uq_nodes_endpoint UNIQUE (host, ssh_port)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE tasks (
    id                CHAR(36)      NOT NULL PRIMARY KEY,
    type              VARCHAR(32)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    progress          INT           NOT NULL DEFAULT 0,
    message           VARCHAR(2000) NULL,
    node_id           CHAR(36)      NULL,
    node_name         VARCHAR(128)  NULL,
    requested_node_id CHAR(36)      NULL,
    parameters        TEXT          NOT NULL,
    owner             VARCHAR(64)   NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    started_at        DATETIME(6)   NULL,
    finished_at       DATETIME(6)   NULL,
    result            MEDIUMTEXT    NULL,
    INDEX idx_tasks_state (state, created_at),
    INDEX idx_tasks_created (created_at),
    INDEX idx_tasks_node (node_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE task_log (
    id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id CHAR(36)      NOT NULL,
    time    DATETIME(6)   NOT NULL,
    level   VARCHAR(8)    NOT NULL,
    message VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_task_log_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    INDEX idx_task_log_task (task_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
