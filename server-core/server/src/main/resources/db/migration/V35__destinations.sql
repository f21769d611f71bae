-- Named backup destinations: a repository folder on a node. Policies and restore points keep the folder
-- itself; a destination names it and is listed with their usage.
CREATE TABLE destinations (
    id         CHAR(36)      NOT NULL PRIMARY KEY,
    name       VARCHAR(128)  NOT NULL,
    node_id    CHAR(36)      NOT NULL,
    folder     VARCHAR(1000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    UNIQUE KEY uq_destinations_name (name),
    UNIQUE KEY uq_destinations_node_folder (node_id, folder(700))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
