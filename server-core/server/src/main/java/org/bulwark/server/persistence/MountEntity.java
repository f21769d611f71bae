package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Mount;
import org.bulwark.api.MountPartition;

/** Row of {@code mounts}; the partitions are a JSON list. */
@Entity
@Table(name = "mounts")
class MountEntity {
    @Id
    String id;
    @Column(name = "restore_point_id")
    String restorePointId;
    @Column(name = "vm_id")
    String vmId;
    @Column(name = "vm_name")
    String vmName;
    String disk;
    long size;
    @Column(name = "nbd_uri")
    String nbdUri;
    @Column(name = "node_id")
    String nodeId;
    @Column(name = "node_name")
    String nodeName;
    Instant opened;
    String partitions;

    MountEntity() {
    }

    MountEntity(Mount m) {
        id = m.id().toString();
        restorePointId = m.restorePointId();
        vmId = m.vmId().toString();
        vmName = m.vmName();
        disk = m.disk();
        size = m.size();
        nbdUri = m.nbdUri();
        nodeId = m.nodeId().toString();
        nodeName = m.nodeName();
        opened = m.opened();
        partitions = JsonColumn.write(m.partitions());
    }

    Mount toMount() {
        return new Mount(UUID.fromString(id), restorePointId, UUID.fromString(vmId), vmName, disk, size, nbdUri,
                UUID.fromString(nodeId), nodeName, opened, JsonColumn.read(partitions, new TypeReference<List<MountPartition>>() { }));
    }
}
