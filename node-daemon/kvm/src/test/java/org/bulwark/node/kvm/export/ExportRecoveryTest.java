package org.bulwark.node.kvm.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bulwark.node.kvm.KvmLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Failover on one host: an exporting node killed with SIGKILL (a real child JVM running
 * {@link AbandonedExport}) leaves a libvirt backup job, {@code qemu-nbd} servers, a checkpoint or
 * bitmaps it never committed; the next export of the machine, from another process, must clean all
 * of that up and succeed.
 */
class ExportRecoveryTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();

    private static Path scratch;
    private static Path hostFolder;
    private static Exporter exporter;
    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void exporter() {
        scratch = LAB.folder().resolve("scratch");
        hostFolder = LAB.folder().resolve("host");
        exporter = new Exporter(LAB.hypervisor(), scratch, hostFolder);
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aRunningMachineWhoseExporterWasKilledIsExportedAgainWithoutItsJobOrCheckpoint() throws Exception {
        String vm = LAB.startVm();
        Domain domain = LAB.hypervisor().domain(vm);
        Process doomed = abandonedExport(vm, Optional.empty());
        String orphan = begun(doomed);
        assertTrue(backupJobRuns(domain), "the dead node's backup job is still on the machine");

        CompletableFuture<Export> next = new CompletableFuture<>();
        Thread successor = new Thread(() -> {
            try {
                next.complete(exporter.begin(ExportRequest.full(vm)));
            } catch (IOException | InterruptedException | RuntimeException e) {
                next.completeExceptionally(e);
            }
        });
        successor.start();
        while (successor.getState() != Thread.State.TIMED_WAITING && !next.isDone()) {
            Thread.onSpinWait();
        }
        assertFalse(next.isDone(), "a live exporter in another process is waited for (host claim), not cleaned up");
        assertTrue(backupJobRuns(domain));
        doomed.destroyForcibly().waitFor();

        try (Export export = next.join()) {
            assertTrue(export.live());
            assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(ExporterTest.assemble(export.disks().getFirst())));
            export.commit();
            assertEquals(List.of(export.checkpoint().orElseThrow()), exporter.checkpoints(vm),
                    "checkpoint " + orphan + " of the dead export was dropped");
        }
        assertFalse(backupJobRuns(domain), "the successor's own job ended with its export");
    }

    @Test
    void aStoppedMachineWhoseExporterWasKilledLosesItsHalfMadeCheckpointAndIsExportedAgain() throws Exception {
        String vm = LAB.defineVm();
        String cp1;
        try (Export full = exporter.begin(ExportRequest.full(vm))) {
            full.commit();
            cp1 = full.checkpoint().orElseThrow();
        }
        LAB.writePattern(vm, 0x77, 20L << 20, 1L << 20);
        Process doomed = abandonedExport(vm, Optional.of(cp1));
        String orphan = begun(doomed);
        doomed.destroyForcibly().waitFor();
        assertTrue(bitmaps(vm).contains(orphan), "the dead export's bitmap is in the image");

        try (Export incremental = exporter.begin(ExportRequest.incremental(vm, cp1))) {
            assertEquals(ExportKind.INCREMENTAL, incremental.kind(), "the committed chain is intact");
            assertEquals(List.of(new Extent(20L << 20, 1L << 20)), incremental.disks().getFirst().extents());
            incremental.commit();
            String cp2 = incremental.checkpoint().orElseThrow();
            assertEquals(List.of(cp1, cp2), exporter.checkpoints(vm).stream().sorted().toList());
        }
        assertFalse(bitmaps(vm).contains(orphan), "its bitmap is removed from the image");
    }

    @Test
    void aForkedQemuNbdNobodyConnectedToIsStoppedByTheNextExport() throws Exception {
        String vm = LAB.defineVm();
        UUID uuid = LAB.hypervisor().describe(vm).uuid();
        Path pidFile;
        try (ExportClaim claim = ExportClaim.acquire(hostFolder, uuid, vm)) {
            pidFile = claim.pidFile("vda");
            Files.createDirectories(scratch);
            QemuNbdServer.start(LAB.disk(vm), "qcow2", "vda", scratch.resolve("stray.sock"), pidFile, Optional.empty());
        } // the claim is released, the server is not closed: its owner "died" between start and connect
        ProcessHandle stray = ExportClaim.serverOf(pidFile).orElseThrow();
        IOException locked = assertThrows(IOException.class, () -> Command.run(List.of("qemu-img", "bitmap", "--add",
                LAB.disk(vm).toString(), "probe")));
        assertTrue(locked.getMessage().contains("lock"), "the stray server holds the image lock: " + locked.getMessage());

        try (Export export = exporter.begin(ExportRequest.full(vm))) {
            assertFalse(export.live());
            assertFalse(stray.isAlive(), "the stray qemu-nbd was stopped");
            assertEquals(LAB.rawSha256(LAB.disk(vm)), KvmLab.sha256(ExporterTest.assemble(export.disks().getFirst())));
            export.commit();
        }
        assertFalse(Files.exists(pidFile));
    }

    /** Starts {@link AbandonedExport} in a child JVM of the same class path. */
    private Process abandonedExport(String vm, Optional<String> since) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                AbandonedExport.class.getName(), KvmLab.URI, vm, scratch.toString(), hostFolder.toString()));
        since.ifPresent(command::add);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    /** Waits for the child's {@code begun <checkpoint>} line and returns the checkpoint. */
    private static String begun(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("begun ")) {
                return line.substring("begun ".length());
            }
        }
        throw new IllegalStateException("the abandoned export ended without beginning (exit " + child.exitValue() + ")");
    }

    private static boolean backupJobRuns(Domain domain) {
        try {
            domain.getBackupXMLDesc(0);
            return true;
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static String bitmaps(String vm) throws IOException {
        return KvmLab.run("qemu-img", "info", "-U", LAB.disk(vm).toString());
    }
}
