package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code tasks}; parameters are a JSON object of strings. */
@Entity
@Table(name = "tasks")
class TaskEntity {
    @Id
    String id;
    String type;
    String state;
    int progress;
    String message;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "node_name")
    String nodeName;
    @Column(name = "requested_node_id")
    String requestedNodeId;
    String parameters;
    String owner;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    String result;
}
