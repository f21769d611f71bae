package org.bulwark.node.kvm;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A virtual machine as the inventory sees it.
 *
 * @param memoryBytes the configured (maximum) memory
 * @param disks       the hard disks; removable media are left out
 * @param tags        the tags from Bulwark's element in the domain's {@code <metadata>}
 */
public record VirtualMachine(String name, UUID uuid, VmState state, int vcpus, long memoryBytes,
        List<VmDisk> disks, Set<String> tags) {
    public VirtualMachine {
        disks = List.copyOf(disks);
        tags = Set.copyOf(tags);
    }
}
