-- Bulwark server schema, version 20: Microsoft 365 tenants. The client secret is sealed with
-- AES-256-GCM under the server's key file (data folder, m365/secret.key); never stored in plain text.
CREATE TABLE m365_tenants (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(128)  NOT NULL,
    client_id      VARCHAR(128)  NOT NULL,
    sealed_secret  VARCHAR(2000) NOT NULL,
    node_id        CHAR(36)      NOT NULL,
    graph_url      VARCHAR(1000) NULL,
    authority_url  VARCHAR(1000) NULL,
    created_at     DATETIME(6)   NOT NULL,
    last_discovery CHAR(36)      NULL,
    CONSTRAINT uq_m365_tenants_tenant UNIQUE (tenant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
