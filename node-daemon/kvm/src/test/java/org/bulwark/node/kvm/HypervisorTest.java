package org.bulwark.node.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HypervisorTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();

    @Test
    void inventoryListsRunningAndStoppedMachinesWithDisksAndTags() throws Exception {
        String running = LAB.startVm("prod", "db");
        String stopped = LAB.defineVm();

        List<VirtualMachine> machines = LAB.hypervisor().list();

        VirtualMachine vm = machines.stream().filter(m -> m.name().equals(running)).findFirst().orElseThrow();
        assertEquals(VmState.RUNNING, vm.state());
        assertEquals(1, vm.vcpus());
        assertEquals(64L << 20, vm.memoryBytes());
        assertEquals(Set.of("prod", "db"), vm.tags());
        assertEquals(List.of(new VmDisk("vda", LAB.disk(running).toString(), "qcow2", KvmLab.DISK_SIZE)), vm.disks(),
                "the hard disk only, the empty CD-ROM left out");
        assertEquals(UUID.fromString(LAB.hypervisor().domain(running).getUUIDString()), vm.uuid());

        VirtualMachine off = LAB.hypervisor().describe(stopped);
        assertEquals(VmState.SHUT_OFF, off.state());
        assertEquals(Set.of(), off.tags());
        assertEquals(KvmLab.DISK_SIZE, off.disks().getFirst().virtualSize(), "size read from the image while shut off");
    }

    @Test
    void unknownMachineIsAClearError() {
        UnknownVmException e = assertThrows(UnknownVmException.class, () -> LAB.hypervisor().describe("no-such-vm"));
        assertTrue(e.getMessage().contains("'no-such-vm'") && e.getMessage().contains(KvmLab.URI), e.getMessage());
    }

    @Test
    void libvirtDownIsAClearError() {
        String uri = "qemu:///system?socket=/nonexistent/libvirt-sock";
        HypervisorUnavailableException e = assertThrows(HypervisorUnavailableException.class,
                () -> Hypervisor.connect(uri));
        assertTrue(e.getMessage().startsWith("libvirt is not reachable at " + uri), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/libvirt-sock"), "libvirt's reason is kept: " + e.getMessage());
    }
}
