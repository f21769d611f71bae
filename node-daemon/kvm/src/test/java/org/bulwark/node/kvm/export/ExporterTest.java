package org.bulwark.node.kvm.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.node.kvm.UnknownVmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExporterTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    private static final long MIB = 1 << 20;

    private static Exporter exporter;

    @BeforeAll
    static void exporter() {
        exporter = new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch"));
    }

    @Test
    void fullExportOfRunningMachineEqualsTheDiskBytes() throws Exception {
        String vm = LAB.startVm();
        String expected = LAB.rawSha256(LAB.disk(vm));

        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            assertEquals(ExportKind.FULL, export.kind());
            assertTrue(export.live());
            assertTrue(export.domainXml().contains("<name>" + vm + "</name>"), "the definition travels with the export");
            DiskExport disk = export.disks().getFirst();
            assertEquals("vda", disk.target());
            assertEquals(KvmLab.DISK_SIZE, disk.size());
            assertTrue(disk.extentBytes() >= 4 * MIB && disk.extentBytes() < 8 * MIB,
                    "only the written ranges are data: " + disk.extents());
            assertEquals(expected, KvmLab.sha256(assemble(disk)));
            export.commit();
        }
        assertEquals(1, exporter.checkpoints(vm).size(), "a committed full leaves its checkpoint");
    }

    @Test
    void incrementalOfRunningMachineCarriesExactlyTheOfflineWrite() throws Exception {
        String vm = LAB.startVm();
        String cp1 = exportAndCommit(ExportRequest.full(vm));
        LAB.stop(vm);
        LAB.writePattern(vm, 0xcd, 4 * MIB, 2 * MIB);
        LAB.start(vm);

        try (Export export = exporter.begin(ExportRequest.incremental(vm, cp1))) {
            assertEquals(ExportKind.INCREMENTAL, export.kind());
            assertTrue(export.live());
            assertTrue(export.fallbackReason().isEmpty());
            DiskExport disk = export.disks().getFirst();
            assertEquals(List.of(new Extent(4 * MIB, 2 * MIB)), disk.extents());
            assertPattern(disk, disk.extents().getFirst(), (byte) 0xcd);
            export.commit();
        }
    }

    @Test
    void stoppedMachineIsReadFromItsImageAndItsCheckpointsServeLaterLiveIncrementals() throws Exception {
        String vm = LAB.defineVm();
        String expected = LAB.rawSha256(LAB.disk(vm));
        String cp1;
        try (Export full = exporter.begin(ExportRequest.full(vm))) {
            assertFalse(full.live());
            assertEquals(expected, KvmLab.sha256(assemble(full.disks().getFirst())));
            full.commit();
            cp1 = full.checkpoint().orElseThrow();
        }
        LAB.writePattern(vm, 0xef, 8 * MIB, MIB);
        String cp2;
        try (Export incremental = exporter.begin(ExportRequest.incremental(vm, cp1))) {
            assertEquals(ExportKind.INCREMENTAL, incremental.kind());
            assertFalse(incremental.live());
            DiskExport disk = incremental.disks().getFirst();
            assertEquals(List.of(new Extent(8 * MIB, MIB)), disk.extents());
            assertPattern(disk, disk.extents().getFirst(), (byte) 0xef);
            incremental.commit();
            cp2 = incremental.checkpoint().orElseThrow();
        }
        assertEquals(List.of(cp1, cp2), exporter.checkpoints(vm).stream().sorted().toList());

        LAB.start(vm);
        try (Export live = exporter.begin(ExportRequest.incremental(vm, cp2))) {
            assertEquals(ExportKind.INCREMENTAL, live.kind());
            assertTrue(live.live());
            assertEquals(List.of(), live.disks().getFirst().extents(), "nothing written since the offline checkpoint");
        }
    }

    @Test
    void missingOrBrokenCheckpointFallsBackToAFullAndSaysSo() throws Exception {
        String vm = LAB.startVm();
        try (Export export = exporter.begin(ExportRequest.incremental(vm, "never-made"))) {
            assertEquals(ExportKind.FULL, export.kind());
            assertTrue(export.fallbackReason().orElseThrow().contains("checkpoint never-made does not exist"),
                    export.fallbackReason().orElseThrow());
            export.commit();
        }
        String cp = exporter.checkpoints(vm).getFirst();
        LAB.stop(vm);
        KvmLab.run("qemu-img", "bitmap", "--remove", LAB.disk(vm).toString(), cp);

        try (Export offline = exporter.begin(ExportRequest.incremental(vm, cp))) {
            assertEquals(ExportKind.FULL, offline.kind(), "the bitmap is gone from the image");
            assertTrue(offline.fallbackReason().orElseThrow().contains(cp), offline.fallbackReason().orElseThrow());
            assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(assemble(offline.disks().getFirst())));
        }
        LAB.start(vm);
        try (Export live = exporter.begin(ExportRequest.incremental(vm, cp))) {
            assertEquals(ExportKind.FULL, live.kind(), "libvirt refuses the incremental");
            assertTrue(live.fallbackReason().isPresent());
            assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(assemble(live.disks().getFirst())));
        }
    }

    @Test
    void anExportNotCommittedDropsItsCheckpoint() throws Exception {
        String vm = LAB.startVm();
        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            assertEquals(List.of(export.checkpoint().orElseThrow()), exporter.checkpoints(vm));
        }
        assertEquals(List.of(), exporter.checkpoints(vm), "the store failed: the next incremental must not use it");

        LAB.stop(vm);
        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            assertFalse(export.live());
        }
        assertEquals(List.of(), exporter.checkpoints(vm));
        assertFalse(KvmLab.run("qemu-img", "info", LAB.disk(vm).toString()).contains("bitmaps:"),
                "the offline bitmap is removed from the image too");
    }

    @Test
    void exportsOfOneMachineAreSerialized() throws Exception {
        String vm = LAB.startVm();
        CompletableFuture<Export> second = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                second.complete(exporter.begin(ExportRequest.full(vm)));
            } catch (IOException | InterruptedException | RuntimeException e) {
                second.completeExceptionally(e);
            }
        });
        try (Export first = exporter.begin(ExportRequest.full(vm))) {
            waiter.start();
            while (waiter.getState() != Thread.State.WAITING && !second.isDone()) {
                Thread.onSpinWait();
            }
            assertFalse(second.isDone(), "the second export waits while the first is open");
            assertTrue(first.disks().getFirst().extentBytes() > 0);
        }
        try (Export export = second.get()) {
            assertEquals(ExportKind.FULL, export.kind(), "it runs once the first is closed");
        }
    }

    @Test
    void machineStoppedDuringTheExportIsAClearReadErrorAndLeavesNoCheckpoint() throws Exception {
        String vm = LAB.startVm();
        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            DiskExport disk = export.disks().getFirst();
            LAB.stop(vm);
            IOException e = assertThrows(IOException.class, () -> disk.source().read(0, ByteBuffer.allocate(4096)));
            assertTrue(e.getMessage().startsWith("cannot read disk vda at offset 0"), e.getMessage());
        }
        assertEquals(List.of(), exporter.checkpoints(vm), "the unfinished export's checkpoint is dropped");
        try (Export next = exporter.begin(ExportRequest.full(vm))) {
            assertFalse(next.live());
            assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(assemble(next.disks().getFirst())));
        }
    }

    @Test
    void rawDiskGetsFullExportsWithoutCheckpoint() throws Exception {
        String vm = LAB.defineVm();
        Path raw = LAB.folder().resolve(vm + ".img");
        KvmLab.run("qemu-img", "convert", "-O", "raw", LAB.disk(vm).toString(), raw.toString());
        String definition = LAB.hypervisor().definition(LAB.hypervisor().domain(vm));
        LAB.hypervisor().connection().domainDefineXML(definition.replace("type=\"qcow2\"", "type=\"raw\"")
                .replace("type='qcow2'", "type='raw'").replace(LAB.disk(vm).toString(), raw.toString()));

        try (Export export = exporter.begin(ExportRequest.incremental(vm, "anything"))) {
            assertEquals(ExportKind.FULL, export.kind());
            assertTrue(export.fallbackReason().orElseThrow().contains("not all qcow2"), export.fallbackReason().get());
            assertTrue(export.checkpoint().isEmpty(), "raw images carry no dirty bitmaps");
            assertEquals("raw", export.disks().getFirst().format());
            assertEquals(LAB.rawSha256(raw), KvmLab.sha256(assemble(export.disks().getFirst())));
            export.commit();
        }
        assertEquals(List.of(), exporter.checkpoints(vm));
    }

    @Test
    void unknownMachineIsRefused() {
        assertThrows(UnknownVmException.class, () -> exporter.begin(ExportRequest.full("no-such-vm")));
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.incremental("vm", "-o evil"));
    }

    private static String exportAndCommit(ExportRequest request) throws Exception {
        try (Export export = exporter.begin(request)) {
            export.commit();
            return export.checkpoint().orElseThrow();
        }
    }

    /** The disk's raw image as Store would rebuild it from a full export: extents read, the rest zeros. */
    static InputStream assemble(DiskExport disk) throws IOException {
        return new ByteArrayInputStream(KvmLab.apply(disk, new byte[Math.toIntExact(disk.size())]));
    }

    private static void assertPattern(DiskExport disk, Extent extent, byte pattern) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(extent.length()));
        disk.source().read(extent.offset(), bytes);
        bytes.flip();
        while (bytes.hasRemaining()) {
            assertEquals(pattern, bytes.get(), "byte at " + (extent.offset() + bytes.position() - 1));
        }
    }
}
