package org.bulwark.server.inventory;

import java.util.List;
import org.bulwark.api.VmDisk;

/** A VM as one INVENTORY task reported it. */
public record ReportedVm(String name, String uuid, String state, int vcpus, long memoryBytes, List<VmDisk> disks,
                         List<String> tags) {
    public ReportedVm {
        disks = List.copyOf(disks);
        tags = List.copyOf(tags);
    }
}
