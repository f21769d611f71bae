package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.api.RestorePoint;

/** Row of {@code restore_points}. */
@Entity
@Table(name = "restore_points")
class RestorePointEntity {
    @Id
    String id;
    @Column(name = "vm_id")
    String vmId;
    @Column(name = "vm_name")
    String vmName;
    @Column(name = "created_at")
    Instant createdAt;
    String kind;
    @Column(name = "bytes_read")
    long bytesRead;
    @Column(name = "bytes_written")
    long bytesWritten;
    @Column(name = "logical_bytes")
    long logicalBytes;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "node_name")
    String nodeName;
    String destination;
    @Column(name = "policy_id")
    String policyId;
    @Column(name = "task_id")
    String taskId;
    @Column(name = "expired_at")
    Instant expiredAt;

    RestorePointEntity() {
    }

    RestorePointEntity(RestorePoint p) {
        id = p.id();
        vmId = p.vmId().toString();
        vmName = p.vmName();
        createdAt = p.createdAt();
        kind = p.kind();
        bytesRead = p.bytesRead();
        bytesWritten = p.bytesWritten();
        logicalBytes = p.logicalBytes();
        nodeId = p.nodeId() == null ? null : p.nodeId().toString();
        nodeName = p.nodeName();
        destination = p.destination();
        policyId = p.policyId() == null ? null : p.policyId().toString();
        taskId = p.taskId().toString();
    }

    RestorePoint toRestorePoint() {
        return new RestorePoint(id, UUID.fromString(vmId), vmName, createdAt, kind, bytesRead, bytesWritten, logicalBytes,
                nodeId == null ? null : UUID.fromString(nodeId), nodeName, destination,
                policyId == null ? null : UUID.fromString(policyId), UUID.fromString(taskId));
    }
}
