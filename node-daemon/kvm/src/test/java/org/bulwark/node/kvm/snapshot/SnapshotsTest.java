package org.bulwark.node.kvm.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bulwark.node.kvm.HypervisorException;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.node.kvm.UnknownVmException;
import org.bulwark.node.kvm.VmState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotsTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();

    @Test
    void snapshotOfStoppedMachineRevertsItsDisk() throws Exception {
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        String vm = LAB.defineVm();
        String before = LAB.rawSha256(LAB.disk(vm));

        Snapshot taken = snapshots.create(vm, "before-change", "taken by the test");
        assertEquals("before-change", taken.name());
        assertEquals("taken by the test", taken.description());
        assertEquals("shutoff", taken.state());
        LAB.writePattern(vm, 0xcd, 4 << 20, 2 << 20);
        assertNotEquals(before, LAB.rawSha256(LAB.disk(vm)));
        Snapshot second = snapshots.create(vm, "after-change", "");
        assertEquals(Optional.of("before-change"), second.parent());
        assertEquals(List.of("before-change", "after-change"), snapshots.list(vm).stream().map(Snapshot::name).toList());

        snapshots.revert(vm, "before-change");
        assertEquals(before, LAB.rawSha256(LAB.disk(vm)), "the disk is back as it was");

        snapshots.delete(vm, "after-change");
        snapshots.delete(vm, "before-change");
        assertEquals(List.of(), snapshots.list(vm));
        assertTrue(KvmLab.run("qemu-img", "snapshot", "-l", LAB.disk(vm).toString()).isBlank(),
                "the internal snapshots are gone from the image");
    }

    @Test
    void snapshotOfRunningMachineRevertsToARunningMachine() throws Exception {
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        String vm = LAB.startVm();
        Snapshot taken = snapshots.create(vm, "live", "with memory");
        assertEquals("running", taken.state());
        LAB.stop(vm);
        assertEquals(VmState.SHUT_OFF, LAB.hypervisor().describe(vm).state());

        snapshots.revert(vm, "live");
        assertEquals(VmState.RUNNING, LAB.hypervisor().describe(vm).state(), "memory state restored: running again");
        snapshots.delete(vm, "live");
        assertEquals(List.of(), snapshots.list(vm));
    }

    @Test
    void badRequestsAreClearErrors() throws Exception {
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        String vm = LAB.defineVm();
        assertThrows(UnknownVmException.class, () -> snapshots.create("no-such-vm", "s", ""));
        assertThrows(IllegalArgumentException.class, () -> snapshots.create(vm, "../evil", ""));
        HypervisorException missing = assertThrows(HypervisorException.class, () -> snapshots.revert(vm, "nope"));
        assertTrue(missing.getMessage().contains("find snapshot nope of " + vm), missing.getMessage());
        assertEquals(List.of(), snapshots.list(vm), "nothing was created");
    }
}
