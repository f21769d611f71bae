package org.bulwark.server.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Vm;
import org.bulwark.api.VmDisk;

/** Row of {@code vms}; disks and tags are JSON lists. */
@Entity
@Table(name = "vms")
class VmEntity {
    @Id
    String id;
    @Column(name = "hypervisor_id")
    String hypervisorId;
    String name;
    String uuid;
    String state;
    int vcpus;
    @Column(name = "memory_bytes")
    long memoryBytes;
    String disks;
    String tags;
    boolean present;
    @Column(name = "last_seen_at")
    Instant lastSeenAt;

    VmEntity() {
    }

    VmEntity(Vm vm) {
        id = vm.id().toString();
        hypervisorId = vm.hypervisorId().toString();
        name = vm.name();
        uuid = vm.uuid();
        state = vm.state();
        vcpus = vm.vcpus();
        memoryBytes = vm.memoryBytes();
        disks = JsonColumn.write(vm.disks());
        tags = JsonColumn.write(vm.tags());
        present = vm.present();
        lastSeenAt = vm.lastSeenAt();
    }

    Vm toVm() {
        return new Vm(UUID.fromString(id), UUID.fromString(hypervisorId), name, uuid, state, vcpus, memoryBytes,
                JsonColumn.read(disks, new TypeReference<List<VmDisk>>() { }),
                JsonColumn.read(tags, new TypeReference<List<String>>() { }), present, lastSeenAt);
    }
}
