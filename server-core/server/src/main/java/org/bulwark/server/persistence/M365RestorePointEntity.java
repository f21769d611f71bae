package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.bulwark.server.m365.StoredM365Point;

/** Row of {@code m365_restore_points}. */
@Entity
@Table(name = "m365_restore_points")
@IdClass(M365RestorePointEntity.Key.class)
class M365RestorePointEntity {
    @Id
    String tenant;
    @Id
    long id;
    @Column(name = "created_at")
    Instant createdAt;
    long items;
    long bytes;
    @Column(name = "node_id")
    String nodeId;
    String destination;
    @Column(name = "passphrase_file")
    String passphraseFile;
    @Column(name = "policy_id")
    String policyId;
    @Column(name = "task_id")
    String taskId;

    /** The primary key: tenant and run id. */
    public static class Key implements Serializable {
        String tenant;
        long id;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenant.equals(tenant) && k.id == id;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, id);
        }
    }

    M365RestorePointEntity() {
    }

    M365RestorePointEntity(StoredM365Point p) {
        tenant = p.tenant().toString();
        id = p.id();
        createdAt = p.createdAt();
        items = p.items();
        bytes = p.bytes();
        nodeId = p.nodeId().toString();
        destination = p.destination();
        passphraseFile = p.passphraseFile();
        policyId = p.policyId() == null ? null : p.policyId().toString();
        taskId = p.taskId().toString();
    }

    StoredM365Point toPoint() {
        return new StoredM365Point(id, UUID.fromString(tenant), createdAt, items, bytes, UUID.fromString(nodeId), destination,
                passphraseFile, policyId == null ? null : UUID.fromString(policyId), UUID.fromString(taskId));
    }
}
