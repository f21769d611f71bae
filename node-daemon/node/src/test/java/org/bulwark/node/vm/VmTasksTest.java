package org.bulwark.node.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.node.NodeError;
import org.bulwark.api.node.TaskEvent;
import org.bulwark.api.node.TaskEventPage;
import org.bulwark.api.node.TaskStatus;
import org.bulwark.api.node.TaskSubmission;
import org.bulwark.node.Json;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.node.kvm.VmState;
import org.bulwark.node.kvm.export.Exporter;
import org.bulwark.node.kvm.snapshot.Snapshot;
import org.bulwark.node.kvm.snapshot.Snapshots;
import org.bulwark.node.task.TaskHandler;
import org.bulwark.node.task.TaskRefusedException;
import org.bulwark.node.task.TaskRun;
import org.bulwark.node.task.TaskRunner;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KVM tasks through the node's task runner, against the real libvirtd of the KVM lab and real
 * repositories: machines without an operating system, one 64 MiB qcow2 disk with random data.
 */
class VmTasksTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final long MIB = 1 << 20;

    @TempDir
    Path temp;
    private Path destination;
    private TaskRunner runner;

    @BeforeEach
    void start() throws IOException {
        runner = new TaskRunner(2, VmTasks.handlers(new VmSettings(KvmLab.URI, LAB.folder().resolve("scratch"))));
        destination = temp.resolve("repository");
        InitOptions cheapKdf = InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1));
        Repository.init(new LocalDestination(destination), cheapKdf, PASSPHRASE.toCharArray()).close();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** Runs a task to its end; returns its final status and every event. */
    private Outcome run(TaskType type, Map<String, String> parameters) throws Exception {
        TaskRun run = runner.submit(new TaskSubmission(UUID.randomUUID(), type, parameters));
        List<TaskEvent> events = new ArrayList<>();
        TaskEventPage page;
        do {
            page = run.eventsAfter(events.size(), 30_000);
            events.addAll(page.events());
        } while (!page.state().isFinal() || events.isEmpty() || !events.getLast().kind().isFinal());
        return new Outcome(run.status(), events);
    }

    private record Outcome(TaskStatus status, List<TaskEvent> events) {
        JsonNode result() throws IOException {
            assertEquals(TaskState.SUCCEEDED, status.state(), status.message());
            return Json.MAPPER.readTree(status.result());
        }

        String failure() {
            assertEquals(TaskState.FAILED, status.state(), "expected a failure, got " + status);
            return status.message();
        }
    }

    private Map<String, String> repository(String... more) {
        Map<String, String> parameters = new HashMap<>(Map.of("destination", destination.toString(),
                "passphrase", PASSPHRASE));
        for (int i = 0; i < more.length; i += 2) {
            parameters.put(more[i], more[i + 1]);
        }
        return parameters;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return KvmLab.sha256(in);
        }
    }

    @Test
    void backUpIncrementallyRestoreAndImport() throws Exception {
        String vm = LAB.startVm("prod");
        JsonNode inventory = run(TaskType.INVENTORY, Map.of()).result();
        JsonNode listed = null;
        for (JsonNode machine : inventory) {
            listed = machine.get("name").asText().equals(vm) ? machine : listed;
        }
        assertTrue(listed != null, "INVENTORY lists " + vm + ": " + inventory);
        assertEquals("RUNNING", listed.get("state").asText());
        assertEquals("prod", listed.get("tags").get(0).asText());
        assertEquals(KvmLab.DISK_SIZE, listed.get("disks").get(0).get("virtualSize").asLong());

        String atFull = LAB.rawSha256(LAB.disk(vm));
        Outcome fullRun = run(TaskType.BACKUP, repository("vm", vm));
        JsonNode full = fullRun.result();
        assertEquals("FULL", full.get("kind").asText());
        assertTrue(full.get("live").asBoolean(), "a running machine is exported live");
        assertTrue(full.get("fallbackReason").isNull(), "a first backup is simply full: " + full);
        assertEquals(4 * MIB, full.get("bytesRead").asLong(), "only the 4 MiB of data are read: " + full);
        assertTrue(full.get("bytesWritten").asLong() >= 4 * MIB, "random data does not shrink: " + full);
        assertTrue(fullRun.events().stream().anyMatch(e -> e.kind() == TaskEvent.Kind.PROGRESS
                && e.message().startsWith("stored")), "progress while storing");

        LAB.stop(vm);
        Path change = temp.resolve("change");
        byte[] random = new byte[(int) (2 * MIB)];
        new Random(42).nextBytes(random);
        Files.write(change, random);
        KvmLab.run("qemu-io", "-f", "qcow2", "-c", "write -s " + change + " " + (4 * MIB) + " " + (2 * MIB),
                LAB.disk(vm).toString());
        String atIncremental = LAB.rawSha256(LAB.disk(vm));

        JsonNode incremental = run(TaskType.BACKUP, repository("vm", vm)).result();
        assertEquals("INCREMENTAL", incremental.get("kind").asText(), incremental.toString());
        assertEquals(full.get("restorePoint").asText(), incremental.get("parent").asText());
        assertFalse(incremental.get("live").asBoolean(), "a shut-off machine is read offline");
        assertEquals(2 * MIB, incremental.get("changedBytes").asLong(), "exactly the change: " + incremental);
        assertTrue(incremental.get("changedExtents").asLong() >= 1);
        assertEquals(2 * MIB, incremental.get("bytesRead").asLong(), "only the change is read: " + incremental);
        long written = incremental.get("bytesWritten").asLong();
        assertTrue(written >= 2 * MIB && written < 3 * MIB, "only the change is written: " + written);

        Path files = temp.resolve("files");
        JsonNode restored = run(TaskType.RESTORE, repository("restorePoint", full.get("restorePoint").asText(),
                "folder", files.toString())).result();
        Path raw = Path.of(restored.get("disks").get(0).get("path").asText());
        assertEquals(files.toRealPath().resolve(vm + "-vda.raw"), raw);
        assertEquals(atFull, sha256(raw), "the full restore point has the disk's bytes at backup time");
        long allocated = Long.parseLong(KvmLab.run("stat", "-c", "%b", raw.toString()).strip()) * 512;
        assertTrue(allocated < 16 * MIB, "zeros stay holes: " + allocated + " bytes allocated");
        assertTrue(Files.readString(files.resolve(vm + ".xml")).contains("<name>" + vm + "</name>"));

        String copy = vm + "-copy";
        Path vmFolder = temp.resolve("vms");
        String point = incremental.get("restorePoint").asText();
        JsonNode qcow2 = run(TaskType.RESTORE, repository("restorePoint", point.substring(0, 12),
                "folder", vmFolder.toString(), "format", "qcow2", "name", copy)).result();
        Path image = Path.of(qcow2.get("disks").get(0).get("path").asText());
        assertEquals(atIncremental, LAB.rawSha256(image), "the incremental restores as a full disk");
        assertTrue(KvmLab.run("qemu-img", "info", image.toString()).contains("file format: qcow2"));

        LAB.adopt(copy);
        JsonNode imported = run(TaskType.IMPORT, repository("restorePoint", point, "folder", vmFolder.toString(),
                "format", "qcow2", "name", copy, "start", "true")).result();
        assertEquals(copy, imported.get("vm").get("name").asText());
        assertEquals("RUNNING", imported.get("vm").get("state").asText());
        assertEquals(VmState.RUNNING, LAB.hypervisor().describe(copy).state());
        assertNotEquals(LAB.hypervisor().describe(vm).uuid(), LAB.hypervisor().describe(copy).uuid());
        assertEquals(image.toString(), LAB.hypervisor().describe(copy).disks().getFirst().path());

        String again = run(TaskType.RESTORE, repository("restorePoint", point, "folder", vmFolder.toString(),
                "format", "qcow2", "name", copy)).failure();
        assertTrue(again.contains("refusing to overwrite"), again);
        assertEquals(atIncremental, LAB.rawSha256(image), "the existing disk is untouched");
    }

    @Test
    void overwriteReplacesTheOriginalOnlyOnceItsRestoredDisksAreThere() throws Exception {
        String vm = LAB.startVm();
        UUID uuid = LAB.hypervisor().describe(vm).uuid();
        String atBackup = LAB.rawSha256(LAB.disk(vm));
        Path passphraseFile = Files.writeString(temp.resolve("passphrase"), PASSPHRASE + "\n");
        Map<String, String> access = repository();
        access.remove("passphrase");
        access.put("passphraseFile", passphraseFile.toString());
        access.put("vm", vm);
        String point = run(TaskType.BACKUP, access).result().get("restorePoint").asText();
        access.remove("vm");
        access.put("restorePoint", point);
        access.put("folder", temp.resolve("replaced").toString());
        access.put("overwrite", "true");
        access.put("start", "true");

        String early = run(TaskType.IMPORT, access).failure();
        assertTrue(early.contains("RESTORE it"), early);
        assertEquals(LAB.disk(vm).toString(), LAB.hypervisor().describe(vm).disks().getFirst().path(),
                "without restored disks the original stays as it was");
        assertEquals(VmState.RUNNING, LAB.hypervisor().describe(vm).state());

        Map<String, String> restore = new HashMap<>(access);
        restore.remove("overwrite");
        restore.remove("start");
        run(TaskType.RESTORE, restore).result();
        JsonNode replaced = run(TaskType.IMPORT, access).result();
        assertTrue(replaced.get("replacedOriginal").asBoolean());
        var now = LAB.hypervisor().describe(vm);
        assertEquals(uuid, now.uuid(), "the original's identity is kept");
        assertEquals(VmState.RUNNING, now.state());
        Path restoredDisk = temp.resolve("replaced").toRealPath().resolve(vm + "-vda.raw");
        assertEquals(restoredDisk.toString(), now.disks().getFirst().path());
        assertEquals(atBackup, sha256(restoredDisk));
        assertTrue(Files.exists(LAB.disk(vm)), "the original's image file is not touched");
    }

    @Test
    void brokenCheckpointChainFallsBackToFullAndSaysSo() throws Exception {
        String vm = LAB.startVm();
        JsonNode first = run(TaskType.BACKUP, repository("vm", vm)).result();
        new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch"))
                .deleteCheckpoint(vm, first.get("checkpoint").asText());
        JsonNode second = run(TaskType.BACKUP, repository("vm", vm)).result();
        assertEquals("FULL", second.get("kind").asText());
        assertNull(second.get("parent").textValue(), "a full has no parent");
        assertTrue(second.get("fallbackReason").asText().contains(first.get("checkpoint").asText()),
                "the result names the missing checkpoint: " + second);
    }

    @Test
    void forgetDeletesTheCheckpointsOfTheForgottenRestorePointsAndKeepsTheNewest() throws Exception {
        String vm = LAB.startVm();
        JsonNode first = run(TaskType.BACKUP, repository("vm", vm)).result();
        JsonNode second = run(TaskType.BACKUP, repository("vm", vm)).result();
        assertEquals("INCREMENTAL", second.get("kind").asText());

        JsonNode forgot = run(TaskType.FORGET, repository("restorePoints", first.get("restorePoint").asText())).result();
        assertEquals(first.get("restorePoint").asText(), forgot.get("removed").get(0).asText());
        assertEquals(List.of(first.get("checkpoint").asText()),
                Json.MAPPER.convertValue(forgot.get("checkpointsDeleted"), List.class),
                "no vm or checkpoints parameter: the forgotten restore point names its machine and checkpoint");
        assertEquals(List.of(second.get("checkpoint").asText()),
                new Exporter(LAB.hypervisor(), LAB.folder().resolve("scratch")).checkpoints(vm),
                "the remaining restore point's checkpoint stays for the next incremental");
    }

    @Test
    void cancelBetweenBlocksStoresNothingAndDropsTheNewCheckpoint() throws Exception {
        String vm = LAB.startVm();
        TaskHandler.Job backup = new BackupTask(new VmSettings(KvmLab.URI, LAB.folder().resolve("scratch")))
                .prepare(repository("vm", vm));
        List<String> messages = new ArrayList<>();
        assertThrows(InterruptedIOException.class, () -> backup.run((percent, message) -> {
            messages.add(message);
            if (message.startsWith("stored")) {
                Thread.currentThread().interrupt(); // what a cancel does to the task's thread
            }
        }));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("stored")), "it was storing: " + messages);
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            assertEquals(0, repository.list().size(), "a cancelled backup leaves no restore point");
        }
        assertEquals(List.of(), new Exporter(LAB.hypervisor(), LAB.folder()).checkpoints(vm),
                "its checkpoint is dropped, so the next incremental starts from the last stored backup");
        assertEquals("FULL", run(TaskType.BACKUP, repository("vm", vm)).result().get("kind").asText());
    }

    @Test
    void snapshotRetentionKeepsTheNewestOfItsPolicyAndRevertWorks() throws Exception {
        String vm = LAB.startVm();
        assertEquals("FULL", run(TaskType.BACKUP, repository("vm", vm)).result().get("kind").asText());
        Snapshots snapshots = new Snapshots(LAB.hypervisor());
        snapshots.create(vm, "by-hand", "an operator's own");
        List<String> taken = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < 3; i++) {
            last = run(TaskType.SNAPSHOT, Map.of("vm", vm, "policy", "hourly", "keep", "2")).result();
            taken.add(last.get("snapshot").asText());
        }
        assertEquals(taken.getFirst(), last.get("deleted").get(0).asText(), "the oldest of the policy goes");
        List<String> remaining = snapshots.list(vm).stream().map(Snapshot::name).toList();
        assertEquals(List.of("by-hand", taken.get(1), taken.get(2)), remaining.stream().sorted((a, b) ->
                a.equals("by-hand") ? -1 : b.equals("by-hand") ? 1 : a.compareTo(b)).toList());

        Outcome revert = run(TaskType.SNAPSHOT, Map.of("vm", vm, "action", "revert", "snapshot", taken.get(1)));
        assertEquals(taken.get(1), revert.result().get("snapshot").asText());
        assertTrue(revert.events().stream().anyMatch(e -> e.message() != null
                        && e.message().startsWith("warning: the revert dropped backup checkpoints")),
                "the task log says the backup chain was cut: " + revert.events());
        JsonNode next = run(TaskType.BACKUP, repository("vm", vm)).result();
        assertEquals("FULL", next.get("kind").asText(), "after a revert the next backup is a full");
        String missing = run(TaskType.SNAPSHOT, Map.of("vm", vm, "action", "revert", "snapshot", "hourly-gone")).failure();
        assertTrue(missing.contains("hourly-gone"), missing);
    }

    @Test
    void badInputGetsClearErrorsAndLosesNothing() throws Exception {
        String unknown = run(TaskType.BACKUP, repository("vm", "bwtest-no-such-vm")).failure();
        assertTrue(unknown.contains("bwtest-no-such-vm"), unknown);

        String vm = LAB.startVm();
        Map<String, String> wrong = repository("vm", vm);
        wrong.put("passphrase", "not the passphrase");
        String passphrase = run(TaskType.BACKUP, wrong).failure();
        assertTrue(passphrase.contains("wrong passphrase"), passphrase);
        assertFalse(passphrase.contains("not the passphrase"), "the secret is not echoed");
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            assertEquals(0, repository.list().size(), "nothing was stored");
        }
        assertEquals(List.of(), new Exporter(LAB.hypervisor(), LAB.folder())
                .checkpoints(vm), "no checkpoint is left behind");

        String down = run(TaskType.INVENTORY, Map.of("uri", "qemu+unix:///system?socket=/nonexistent/libvirt-sock"))
                .failure();
        assertTrue(down.contains("libvirt is not reachable"), down);

        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
        Map<String, String> unwritable = repository("vm", vm);
        unwritable.put("destination", notAFolder.resolve("repository").toString());
        String destinationError = run(TaskType.BACKUP, unwritable).failure();
        assertTrue(destinationError.contains("not writable"), destinationError);

        TaskRefusedException missingVm = assertThrows(TaskRefusedException.class,
                () -> runner.submit(new TaskSubmission(UUID.randomUUID(), TaskType.BACKUP, repository())));
        assertEquals(NodeError.Code.BAD_REQUEST, missingVm.code());
        assertTrue(missingVm.getMessage().contains("vm"), missingVm.getMessage());
        TaskRefusedException escape = assertThrows(TaskRefusedException.class, () -> runner.submit(new TaskSubmission(
                UUID.randomUUID(), TaskType.RESTORE, repository("restorePoint", "abc", "folder", temp.toString(),
                "name", "../escape"))));
        assertTrue(escape.getMessage().contains("../escape"), escape.getMessage());
        TaskRefusedException relative = assertThrows(TaskRefusedException.class, () -> runner.submit(new TaskSubmission(
                UUID.randomUUID(), TaskType.RESTORE, repository("restorePoint", "abc", "folder", "relative/dir"))));
        assertTrue(relative.getMessage().contains("absolute"), relative.getMessage());
    }
}
