package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.server.destination.StoredDestination;

/** Row of {@code destinations}. */
@Entity
@Table(name = "destinations")
class DestinationEntity {
    @Id
    String id;
    String name;
    @Column(name = "node_id")
    String nodeId;
    String folder;
    @Column(name = "created_at")
    Instant createdAt;

    DestinationEntity() {
    }

    DestinationEntity(StoredDestination d) {
        id = d.id().toString();
        name = d.name();
        nodeId = d.nodeId().toString();
        folder = d.folder();
        createdAt = d.createdAt();
    }

    StoredDestination toDestination() {
        return new StoredDestination(UUID.fromString(id), name, UUID.fromString(nodeId), folder, createdAt);
    }
}
