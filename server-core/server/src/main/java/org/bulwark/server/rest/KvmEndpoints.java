package org.bulwark.server.rest;

import java.util.List;
import org.bulwark.server.destination.DestinationService;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.mount.MountService;
import org.bulwark.server.policy.PolicyService;
import org.bulwark.server.restorepoint.RestorePointService;
import org.bulwark.server.workflow.Workflows;

/** The REST endpoints of KVM protection: hypervisors, VMs, policies, restore points, mounts, destinations. */
public final class KvmEndpoints {
    private KvmEndpoints() {
    }

    public static List<Object> of(InventoryService inventory, PolicyService policies, RestorePointService restorePoints,
                                  Workflows workflows, MountService mounts, DestinationService destinations) {
        return List.of(new HypervisorEndpoint(inventory, workflows), new VmEndpoint(inventory, workflows, restorePoints),
                new PolicyEndpoint(policies, workflows), new RestorePointEndpoint(restorePoints, workflows),
                new MountEndpoint(mounts, workflows), new DestinationEndpoint(destinations));
    }
}
