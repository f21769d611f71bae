package org.bulwark.node.vm;

import java.util.List;
import java.util.Map;
import org.bulwark.node.kvm.Hypervisor;
import org.bulwark.node.kvm.VirtualMachine;
import org.bulwark.node.task.TaskHandler;

/**
 * INVENTORY: the virtual machines of a hypervisor (parameter {@code uri}, default the node's
 * {@code libvirt.uri}), running or not, sorted by name, as a JSON list of
 * {@link VirtualMachine} (name, uuid, state, vcpus, memoryBytes, disks, tags).
 */
public final class InventoryTask implements TaskHandler {
    private final VmSettings settings;

    public InventoryTask(VmSettings settings) {
        this.settings = settings;
    }

    @Override
    public Job prepare(Map<String, String> parameters) {
        String uri = new Parameters("INVENTORY", parameters).optional("uri", settings.libvirtUri());
        return progress -> {
            progress.report(0, "listing the virtual machines on " + uri);
            try (Hypervisor hypervisor = Hypervisors.connect(uri)) {
                List<VirtualMachine> machines = hypervisor.list();
                progress.report(100, machines.size() + " virtual machine(s) on " + uri);
                return machines;
            }
        };
    }
}
