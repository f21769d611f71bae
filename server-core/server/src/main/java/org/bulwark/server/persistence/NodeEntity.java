package org.bulwark.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.bulwark.server.fleet.EnrolledNode;

/** Row of {@code nodes}. */
@Entity
@Table(name = "nodes")
class NodeEntity {
    @Id
    String id;
    String name;
    String host;
    @Column(name = "ssh_port")
    int sshPort;
    @Column(name = "host_key")
    String hostKey;
    @Column(name = "host_key_fingerprint")
    String hostKeyFingerprint;
    @Column(name = "enrolled_at")
    Instant enrolledAt;

    NodeEntity() {
    }

    NodeEntity(EnrolledNode node) {
        id = node.id().toString();
        name = node.name();
        host = node.host();
        sshPort = node.sshPort();
        hostKey = node.hostKey();
        hostKeyFingerprint = node.hostKeyFingerprint();
        enrolledAt = node.enrolledAt();
    }

    EnrolledNode toNode() {
        return new EnrolledNode(UUID.fromString(id), name, host, sshPort, hostKey, hostKeyFingerprint, enrolledAt);
    }
}
