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
import org.bulwark.node.kvm.export.DiskExport;
import org.bulwark.node.kvm.export.Export;
import org.bulwark.node.kvm.export.ExportKind;
import org.bulwark.node.kvm.export.ExportRequest;
import org.bulwark.node.kvm.export.Exporter;
import org.bulwark.node.kvm.export.Extent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotsTest {
    private static final long MIB = 1 << 20;
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
    void stoppedBackedUpMachineKeepsItsIncrementalChainThroughSnapshotAndRetentionAndFallsBackToAFullAfterRevert()
            throws Exception {
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        Exporter exporter = new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch"));
        String vm = LAB.defineVm();
        String original = LAB.rawSha256(LAB.disk(vm));
        Backup full = backUp(exporter, ExportRequest.full(vm), null);

        assertEquals("shutoff", snapshots.create(vm, "before-change", "").state(),
                "libvirt refuses this while checkpoint metadata exists: it is set aside meanwhile");
        assertEquals(List.of(full.checkpoint), exporter.checkpoints(vm), "the checkpoint is back");
        LAB.writePattern(vm, 0xcd, 4 * MIB, 2 * MIB);
        Backup incremental = backUp(exporter, ExportRequest.incremental(vm, full.checkpoint), full.image);
        assertEquals(List.of(new Extent(4 * MIB, 2 * MIB)), incremental.extents, "exactly the change");
        assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(incremental.image), "restored bytes equal the disk");

        assertEquals(List.of(full.checkpoint, incremental.checkpoint).stream().sorted().toList(),
                snapshots.revert(vm, "before-change").stream().sorted().toList(),
                "the revert drops the checkpoints");
        assertEquals(original, LAB.rawSha256(LAB.disk(vm)));
        assertEquals(List.of(), exporter.checkpoints(vm));
        Backup afterRevert = backUp(exporter, ExportRequest.incremental(vm, incremental.checkpoint), null);
        assertEquals(ExportKind.FULL, afterRevert.kind);
        assertTrue(afterRevert.fallback.contains("checkpoint " + incremental.checkpoint + " does not exist"),
                afterRevert.fallback);
        assertEquals(original, KvmLab.sha256(afterRevert.image));

        snapshots.delete(vm, "before-change");
        assertEquals(List.of(), snapshots.list(vm), "retention removed the snapshot");
        LAB.writePattern(vm, 0xef, 8 * MIB, MIB);
        Backup next = backUp(exporter, ExportRequest.incremental(vm, afterRevert.checkpoint), afterRevert.image);
        assertEquals(List.of(new Extent(8 * MIB, MIB)), next.extents);
        assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(next.image));
    }

    @Test
    void runningBackedUpMachineKeepsItsIncrementalChainThroughSnapshotAndRetentionAndFallsBackToAFullAfterRevert()
            throws Exception {
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        Exporter exporter = new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch"));
        String vm = LAB.startVm();
        String original = LAB.rawSha256(LAB.disk(vm));
        Backup full = backUp(exporter, ExportRequest.full(vm), null);
        assertEquals("running", snapshots.create(vm, "live", "with memory").state());
        LAB.stop(vm);
        LAB.writePattern(vm, 0xcd, 4 * MIB, 2 * MIB);
        LAB.start(vm);
        Backup incremental = backUp(exporter, ExportRequest.incremental(vm, full.checkpoint), full.image);
        assertTrue(incremental.live);
        assertEquals(List.of(new Extent(4 * MIB, 2 * MIB)), incremental.extents, "exactly the change");
        assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(incremental.image), "restored bytes equal the disk");

        assertEquals(2, snapshots.revert(vm, "live").size(), "QEMU reverts only without dirty bitmaps");
        assertEquals(VmState.RUNNING, LAB.hypervisor().describe(vm).state(), "memory state restored: running");
        assertEquals(original, LAB.rawSha256(LAB.disk(vm)), "the disk is back as it was");
        Backup afterRevert = backUp(exporter, ExportRequest.incremental(vm, incremental.checkpoint), null);
        assertEquals(ExportKind.FULL, afterRevert.kind, afterRevert.fallback);
        assertEquals(original, KvmLab.sha256(afterRevert.image));

        snapshots.delete(vm, "live");
        assertEquals(List.of(), snapshots.list(vm), "retention removed the snapshot");
        Backup unchanged = backUp(exporter, ExportRequest.incremental(vm, afterRevert.checkpoint), afterRevert.image);
        assertEquals(ExportKind.INCREMENTAL, unchanged.kind);
        assertEquals(List.of(), unchanged.extents, "deleting the snapshot changed no block");
    }

    /** One committed export laid onto {@code parent} (a copy of it; zeros for a full). */
    private record Backup(ExportKind kind, String checkpoint, String fallback, boolean live, List<Extent> extents,
            byte[] image) {
    }

    private static Backup backUp(Exporter exporter, ExportRequest request, byte[] parent) throws Exception {
        try (Export export = exporter.begin(request)) {
            DiskExport disk = export.disks().getFirst();
            byte[] image = parent == null || export.kind() == ExportKind.FULL ? new byte[Math.toIntExact(disk.size())]
                    : parent.clone();
            KvmLab.apply(disk, image);
            export.commit();
            return new Backup(export.kind(), export.checkpoint().orElseThrow(), export.fallbackReason().orElse(""),
                    export.live(), disk.extents(), image);
        }
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
