package org.bulwark.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A virtual machine of the inventory, as the last sync of its hypervisor saw it.
 *
 * @param uuid the hypervisor's UUID of the machine
 * @param present {@code false} once a sync no longer finds it (it is kept, with its restore points)
 * @param lastSeenAt the last sync that found it
 */
public record Vm(UUID id, UUID hypervisorId, String name, String uuid, String state, int vcpus, long memoryBytes,
                 List<VmDisk> disks, List<String> tags, boolean present, Instant lastSeenAt) {
    public Vm {
        disks = disks == null ? List.of() : List.copyOf(disks);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
