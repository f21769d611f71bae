package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.api.Hypervisor;

/** Row of {@code hypervisors}. */
@Entity
@Table(name = "hypervisors")
class HypervisorEntity {
    @Id
    String id;
    String name;
    @Column(name = "node_id")
    String nodeId;
    String uri;
    @Column(name = "last_sync_at")
    Instant lastSyncAt;
    @Column(name = "last_sync_message")
    String lastSyncMessage;

    HypervisorEntity() {
    }

    HypervisorEntity(Hypervisor h) {
        id = h.id().toString();
        name = h.name();
        nodeId = h.nodeId().toString();
        uri = h.uri();
        lastSyncAt = h.lastSyncAt();
        lastSyncMessage = h.lastSyncMessage();
    }

    Hypervisor toHypervisor() {
        return new Hypervisor(UUID.fromString(id), name, UUID.fromString(nodeId), uri, lastSyncAt, lastSyncMessage);
    }
}
