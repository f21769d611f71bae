package org.bulwark.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.BackupCommands;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.HypervisorRequest;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.NodeState;
import org.bulwark.api.Policy;
import org.bulwark.api.PolicyRequest;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.Retention;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.Vm;
import org.bulwark.node.BulwarkNode;
import org.bulwark.node.NodeConfig;
import org.bulwark.node.kvm.KvmLab;
import org.bulwark.repository.InitOptions;
import org.bulwark.repository.Repository;
import org.bulwark.repository.crypto.KdfParams;
import org.bulwark.repository.destination.LocalDestination;
import org.bulwark.server.db.DatabaseConnection;
import org.bulwark.server.fixture.Await;
import org.bulwark.server.fixture.Http;
import org.bulwark.server.fixture.ServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * KVM protection end to end: a real server on MariaDB, real node daemons enrolled over SSH on
 * loopback, the real libvirtd of the KVM lab (skipped with the lab's reason when it is missing)
 * and real repositories: inventory sync, a policy's schedule firing a backup, restore to the file
 * system with the same bytes, backup now, restore then import, retention's FORGET, GFS retention over
 * an incremental chain, pre/post commands, schedule windows, vanished VMs, failover.
 */
class KvmProtectionTest {
    @RegisterExtension
    static final KvmLab LAB = new KvmLab();
    @RegisterExtension
    static final ServerExtension SERVER = ServerExtension.external()
            .with("node.heartbeat", "PT0.3S").with("node.grace", "PT2S");
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final List<BulwarkNode> NODES = new ArrayList<>();
    private static Path dir;
    private static Path passphraseFile;
    private static String admin;
    private static Node main;
    private static Hypervisor local;

    @BeforeAll
    static void enrollNodeAndAddHypervisor() throws IOException {
        dir = Files.createTempDirectory("bwp");
        passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE);
        admin = SERVER.server().adminToken();
        main = enroll("kvm-main");
        local = addHypervisor("local", main);
    }

    @AfterAll
    static void stopNodes() throws IOException {
        NODES.forEach(BulwarkNode::close);
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Http http() {
        return SERVER.server().http();
    }

    private static Node enroll(String name) throws IOException {
        String token = name + "-token-0123456789";
        BulwarkNode node = BulwarkNode.start(new NodeConfig(dir.resolve(name), name, "127.0.0.1", 0, 2, token));
        NODES.add(node);
        Http.Answer answer = http().call("POST", "/nodes", admin, new NodeEnrollment(name, "127.0.0.1", node.ssh().port(), token));
        assertEquals(200, answer.status(), answer.body());
        UUID id = answer.as(Node.class).id();
        return Await.until(() -> http().get("/nodes/" + id, admin).as(Node.class), n -> n.state() == NodeState.ONLINE,
                "node " + name + " online");
    }

    private static Hypervisor addHypervisor(String name, Node node) {
        Http.Answer answer = http().call("POST", "/hypervisors", admin, new HypervisorRequest(name, node.id(), KvmLab.URI));
        assertEquals(200, answer.status(), answer.body());
        return answer.as(Hypervisor.class);
    }

    /** A new repository with a cheap key derivation, so the test does not spend its time in the KDF. */
    private static Path repository(String name) throws IOException {
        Path destination = dir.resolve(name);
        InitOptions cheapKdf = InitOptions.defaults().withKdf(new KdfParams(8 * 1024, 1, 1));
        Repository.init(new LocalDestination(destination), cheapKdf, PASSPHRASE.toCharArray()).close();
        return destination;
    }

    private static Task awaitEnd(UUID taskId) {
        return Await.until(() -> http().get("/tasks/" + taskId, admin).as(Task.class), t -> t.state().isFinal(),
                "end of task " + taskId);
    }

    private static Task succeeded(Http.Answer queued) {
        assertEquals(200, queued.status(), queued.body());
        Task task = awaitEnd(queued.as(Task.class).id());
        assertEquals(TaskState.SUCCEEDED, task.state(), task.toString());
        return task;
    }

    /** Syncs the hypervisor and returns the VM once the sync's outcome is applied. */
    private static Vm synced(Hypervisor hypervisor, String name) {
        succeeded(http().call("POST", "/hypervisors/" + hypervisor.id() + "/sync", admin, null));
        return Await.until(() -> http().get("/vms", admin).list(Vm.class).stream()
                        .filter(v -> v.hypervisorId().equals(hypervisor.id()) && v.name().equals(name)).findFirst(),
                Optional::isPresent, "VM " + name + " in the inventory").orElseThrow();
    }

    private static RestorePoint restorePointOf(Task backup, Vm vm) {
        return Await.until(() -> http().get("/vms/" + vm.id() + "/restore-points", admin).list(RestorePoint.class)
                        .stream().filter(p -> p.taskId().equals(backup.id())).findFirst(),
                Optional::isPresent, "restore point of task " + backup.id()).orElseThrow();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return KvmLab.sha256(in);
        }
    }

    private static Connection db() throws SQLException {
        DatabaseConnection db = SERVER.server().database();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static int restorePointRecords(String id) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM restore_points WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean linkApplied(UUID taskId) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT applied FROM task_links WHERE task_id = ?")) {
            s.setString(1, taskId.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void backdate(String restorePointId, Instant createdAt) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("UPDATE restore_points SET created_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)));
            s.setString(2, restorePointId);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static void dueNow(UUID policyId) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "UPDATE policy_schedules SET next_run = ? WHERE policy_id = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC)));
            s.setString(2, policyId.toString());
            assertTrue(s.executeUpdate() > 0);
        }
    }

    /** The tasks queued for a policy, from their links. */
    private static List<UUID> tasksOf(UUID policyId) {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT task_id FROM task_links WHERE policy_id = ?")) {
            s.setString(1, policyId.toString());
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Task forgetAfter(Task backup) {
        Task forget = Await.until(() -> http().get("/tasks", admin).list(Task.class).stream()
                        .filter(t -> t.type() == TaskType.FORGET && t.createdAt().isAfter(backup.createdAt())).findFirst(),
                Optional::isPresent, "the FORGET after " + backup.id()).orElseThrow();
        Task done = awaitEnd(forget.id());
        assertEquals(TaskState.SUCCEEDED, done.state(), done.toString());
        return done;
    }

    private static String restoredSha256(RestorePoint point, String vmName, String folderName) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(folderName));
        succeeded(http().call("POST", "/restore-points/" + point.id() + "/restore", admin,
                new RestoreRequest(folder.toString(), "raw", null, false, false, false, null, null)));
        return sha256(folder.resolve(vmName + "-vda.raw"));
    }

    @Test
    void gfsRetentionKeepsTheNewestPointOfEachDayAndIncrementalsRestoreAfterTheirFullIsForgotten() throws Exception {
        String name = LAB.defineVm("bw-gfs");
        Vm vm = synced(local, name);
        Path destination = repository("gfs-repo");
        Http.Answer created = http().call("POST", "/policies", admin, new PolicyRequest("gfs-daily", List.of(vm.id()),
                List.of(), List.of(), destination.toString(), passphraseFile.toString(), List.of(),
                new Retention(0, 0, 2, 0, 0, 0), 0, true));
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        assertEquals(new Retention(0, 0, 2, 0, 0, 0), policy.retention());
        BackupRequest byPolicy = new BackupRequest(policy.id(), null, null, null, false);

        // a full two days ago, an incremental yesterday (dates moved back in the records), an incremental today
        RestorePoint full = restorePointOf(succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy)), vm);
        assertEquals("FULL", full.kind());
        backdate(full.id(), Instant.now().minus(Duration.ofDays(2)));
        LAB.writePattern(name, 0x21, 8L << 20, 1L << 20);
        RestorePoint yesterday = restorePointOf(succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy)),
                vm);
        assertEquals("INCREMENTAL", yesterday.kind());
        String yesterdaysDisk = LAB.rawSha256(LAB.disk(name));
        backdate(yesterday.id(), Instant.now().minus(Duration.ofDays(1)));
        LAB.writePattern(name, 0x42, 20L << 20, 1L << 20);
        Task third = succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy));
        RestorePoint today = restorePointOf(third, vm);
        assertEquals("INCREMENTAL", today.kind());

        // keep daily 2: today's and yesterday's newest stay; the full the incrementals followed is forgotten
        forgetAfter(third);
        Await.until(() -> restorePointRecords(full.id()), n -> n == 0, "the record of the forgotten full deleted");
        assertEquals(List.of(today.id(), yesterday.id()), http().get("/vms/" + vm.id() + "/restore-points", admin)
                .list(RestorePoint.class).stream().map(RestorePoint::id).toList());
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            assertEquals(Set.of(yesterday.id(), today.id()), repository.list().stream().map(b -> b.id())
                    .collect(java.util.stream.Collectors.toSet()), "the full is gone from the repository");
        }
        assertEquals(yesterdaysDisk, restoredSha256(yesterday, name, "restored-gfs-yesterday"),
                "the incremental restores the whole disk with its full gone");

        // the chain goes on: the next backup is still an incremental, and it restores the disk as it is now
        LAB.writePattern(name, 0x63, 30L << 20, 1L << 20);
        Task fourth = succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy));
        RestorePoint next = restorePointOf(fourth, vm);
        assertEquals("INCREMENTAL", next.kind());
        forgetAfter(fourth);
        Await.until(() -> restorePointRecords(today.id()), n -> n == 0, "today's older point gives way to the newest");
        assertEquals(LAB.rawSha256(LAB.disk(name)), restoredSha256(next, name, "restored-gfs-next"));
    }

    @Test
    void preAndPostCommandsRunAroundTheExportAndAFailingPreCommandFailsTheBackup() throws Exception {
        String name = LAB.defineVm("bw-hooks");
        Vm vm = synced(local, name);
        Path destination = repository("hooks-repo");
        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Path script = hooks.resolve("hook.sh");
        Files.writeString(script, """
                #!/bin/sh
                echo "$BULWARK_VM_NAME $BULWARK_VM_UUID $BULWARK_OUTCOME $BULWARK_RESTORE_POINT" > "$(dirname "$0")/$BULWARK_PHASE.txt"
                [ "$1" = 0 ] || echo "cannot freeze: $2" >&2
                exit "$1"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        PolicyRequest failing = new PolicyRequest("hooked", List.of(vm.id()), List.of(), List.of(), destination.toString(),
                passphraseFile.toString(), List.of(), new Retention(3, 0), 0, true,
                new BackupCommands(List.of(script.toString(), "3", "/srv/db; rm -rf /"), List.of(script.toString(), "0"), 30));
        Http.Answer created = http().call("POST", "/policies", admin, failing);
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        assertEquals(failing.commands(), policy.commands());
        BackupRequest byPolicy = new BackupRequest(policy.id(), null, null, null, false);

        Http.Answer queued = http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy);
        assertEquals(200, queued.status(), queued.body());
        Task failed = awaitEnd(queued.as(Task.class).id());
        assertEquals(TaskState.FAILED, failed.state(), failed.toString());
        String expected = "pre command " + script + " failed with exit code 3 (stderr: cannot freeze: /srv/db; rm -rf /): the"
                + " backup of " + name + " was not started";
        assertEquals(expected, failed.message());
        Await.until(() -> http().get("/tasks/" + failed.id() + "/log", admin).list(TaskLogEntry.class),
                log -> log.stream().anyMatch(e -> e.message().equals("FAILED: " + expected)), "the failure in the task log");
        assertEquals(name + " " + vm.uuid() + " failure \n", Files.readString(hooks.resolve("post.txt")),
                "the post command ran after the failure, told so");
        Await.until(() -> linkApplied(failed.id()), applied -> applied, "outcome of the failed BACKUP applied");
        assertEquals(List.of(), http().get("/vms/" + vm.id() + "/restore-points", admin).list(RestorePoint.class));

        Http.Answer fixed = http().call("PUT", "/policies/" + policy.id(), admin, new PolicyRequest("hooked", List.of(vm.id()),
                List.of(), List.of(), destination.toString(), passphraseFile.toString(), List.of(), new Retention(3, 0), 0, true,
                new BackupCommands(List.of(script.toString(), "0"), List.of(script.toString(), "0"), 0)));
        assertEquals(200, fixed.status(), fixed.body());
        Task backup = succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy));
        RestorePoint point = restorePointOf(backup, vm);
        assertEquals(name + " " + vm.uuid() + "  \n", Files.readString(hooks.resolve("pre.txt")));
        assertEquals(name + " " + vm.uuid() + " success " + point.id() + "\n", Files.readString(hooks.resolve("post.txt")));
    }

    @Test
    void aRunDueOutsideItsWindowWaitsAndABackupStillQueuedWhenTheWindowClosesIsNotStarted() throws Exception {
        Node away = enroll("kvm-window");
        Hypervisor viaAway = addHypervisor("via-window", away);
        String name = LAB.defineVm("bw-window");
        Vm vm = synced(viaAway, name);
        NODES.remove(NODES.size() - 1).close();
        Await.until(() -> http().get("/nodes/" + away.id(), admin).as(Node.class), n -> n.state() == NodeState.OFFLINE,
                "node kvm-window offline: its backups stay queued");

        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        String open = now.minusHours(1) + "-" + now.plusHours(2);
        String later = now.plusHours(3) + "-" + now.plusHours(4);
        Http.Answer created = http().call("POST", "/policies", admin, new PolicyRequest("windowed", List.of(vm.id()),
                List.of(), List.of(), dir.resolve("window-repo").toString(), passphraseFile.toString(),
                List.of("daily 03:00 window " + open, "daily 03:00 window " + later), new Retention(3, 0), 0, true));
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        dueNow(policy.id());

        // the schedule whose window is open fires; the other moves to its window's opening without firing
        UUID queued = Await.until(() -> tasksOf(policy.id()), ids -> !ids.isEmpty(), "the scheduled BACKUP").getFirst();
        Instant waits = Await.until(() -> http().get("/policies/" + policy.id(), admin).as(Policy.class).schedules().get(1)
                .nextRun(), t -> t.isAfter(Instant.now()), "the second schedule moved to its window");
        assertEquals(now.plusHours(3), LocalTime.ofInstant(waits, ZoneOffset.UTC));
        assertTrue(waits.isBefore(Instant.now().plus(Duration.ofHours(4))), waits.toString());
        assertEquals(List.of(queued), tasksOf(policy.id()), "only the schedule inside its window fired");
        assertEquals(TaskState.QUEUED, http().get("/tasks/" + queued, admin).as(Task.class).state());

        // the window closes (its close moved to now) while the backup waits for its node: it is not started
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("UPDATE task_links SET not_after = ? WHERE task_id = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC)));
            s.setString(2, queued.toString());
            assertEquals(1, s.executeUpdate());
        }
        Task cancelled = awaitEnd(queued);
        assertEquals(TaskState.CANCELLED, cancelled.state(), cancelled.toString());
        assertTrue(cancelled.message().startsWith("Cancelled by the close of its schedule window " + open + " at "),
                cancelled.message());
        assertNull(cancelled.startedAt(), "it never started");
    }

    @Test
    void dueScheduleBacksUpTheTaggedVmAndItsRestorePointRestoresTheSameBytes() throws Exception {
        String name = LAB.defineVm("bw-sched");
        Vm vm = synced(local, name);
        assertEquals("SHUT_OFF", vm.state());
        assertEquals(1, vm.vcpus());
        assertEquals(64L << 20, vm.memoryBytes());
        assertEquals(List.of("bw-sched"), vm.tags());
        assertEquals("vda", vm.disks().getFirst().target());
        assertEquals(KvmLab.DISK_SIZE, vm.disks().getFirst().virtualSize());
        assertTrue(vm.present());

        Path destination = repository("sched-repo");
        Http.Answer created = http().call("POST", "/policies", admin, new PolicyRequest("tagged", List.of(), List.of(),
                List.of("bw-sched"), destination.toString(), passphraseFile.toString(), List.of("daily 03:00"),
                new Retention(3, 0), 0, true));
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        assertEquals(List.of(vm.id()), policy.selectedVmIds(), "the tag rule selects the VM");

        // the schedule falls due now: the scheduler queues a BACKUP of the VM and moves the schedule on
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "UPDATE policy_schedules SET next_run = ? WHERE policy_id = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC)));
            s.setString(2, policy.id().toString());
            assertEquals(1, s.executeUpdate());
        }
        Task fired = Await.until(() -> http().get("/tasks", admin).list(Task.class).stream()
                        .filter(t -> t.type() == TaskType.BACKUP && t.owner().equals("scheduler")).findFirst(),
                Optional::isPresent, "a BACKUP queued by the scheduler").orElseThrow();
        Task backup = awaitEnd(fired.id());
        assertEquals(TaskState.SUCCEEDED, backup.state(), backup.toString());
        Instant nextRun = http().get("/policies/" + policy.id(), admin).as(Policy.class).schedules().getFirst().nextRun();
        assertTrue(nextRun.isAfter(Instant.now()), "the schedule moved on to " + nextRun);

        RestorePoint point = restorePointOf(backup, vm);
        assertEquals("FULL", point.kind());
        assertEquals(policy.id(), point.policyId());
        assertEquals("kvm-main", point.nodeName());
        assertEquals(destination.toString(), point.destination());
        assertEquals(4L << 20, point.bytesRead(), point.toString());

        Path folder = Files.createDirectories(dir.resolve("restored-sched"));
        succeeded(http().call("POST", "/restore-points/" + point.id() + "/restore", admin,
                new RestoreRequest(folder.toString(), "raw", null, false, false, false, null, null)));
        assertEquals(LAB.rawSha256(LAB.disk(name)), sha256(folder.resolve(name + "-vda.raw")),
                "the restored disk has the bytes of the VM's disk, read with the policy's passphrase file");
    }

    @Test
    void retentionQueuesAForgetOnTheNodeThatRemovesTheExpiredBackupAndThenItsRecord() throws Exception {
        String name = LAB.defineVm("bw-forget");
        Vm vm = synced(local, name);
        Path destination = repository("forget-repo");
        Http.Answer created = http().call("POST", "/policies", admin, new PolicyRequest("keep-one", List.of(vm.id()),
                List.of(), List.of(), destination.toString(), passphraseFile.toString(), List.of(), new Retention(1, 0), 0, true));
        assertEquals(200, created.status(), created.body());
        Policy policy = created.as(Policy.class);
        BackupRequest byPolicy = new BackupRequest(policy.id(), null, null, null, false);
        RestorePoint first = restorePointOf(succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy)), vm);
        Task second = succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin, byPolicy));
        RestorePoint kept = restorePointOf(second, vm);

        // retention (keep 1) expires the first restore point and queues a FORGET of it on the node that made it
        Task forget = Await.until(() -> http().get("/tasks", admin).list(Task.class).stream()
                        .filter(t -> t.type() == TaskType.FORGET && t.createdAt().isAfter(second.createdAt())).findFirst(),
                Optional::isPresent, "the FORGET after retention").orElseThrow();
        Task forgotten = awaitEnd(forget.id());
        assertEquals(TaskState.SUCCEEDED, forgotten.state(), forgotten.toString());
        assertEquals(first.nodeId(), forgotten.nodeId(), "the node that made the backup forgets it");
        // the link is marked applied before its outcome is applied: wait for the deletion itself
        Await.until(() -> restorePointRecords(first.id()), n -> n == 0, "the record of the forgotten restore point deleted");
        assertEquals(List.of(kept.id()), http().get("/vms/" + vm.id() + "/restore-points", admin).list(RestorePoint.class)
                .stream().map(RestorePoint::id).toList());
        try (Repository repository = Repository.open(new LocalDestination(destination), PASSPHRASE.toCharArray())) {
            assertEquals(List.of(kept.id()), repository.list().stream().map(b -> b.id()).toList(),
                    "only the kept backup remains in the repository");
        }
    }

    @Test
    void backupNowThenRestoreAndImportAndAFailedRestoreQueuesNoImport() throws Exception {
        String name = LAB.defineVm("bw-now");
        Vm vm = synced(local, name);
        Path destination = repository("now-repo");
        Task backup = succeeded(http().call("POST", "/vms/" + vm.id() + "/backup", admin,
                new BackupRequest(null, destination.toString(), PASSPHRASE, null, false)));
        RestorePoint point = restorePointOf(backup, vm);
        assertNull(point.policyId());
        assertEquals(point, http().get("/restore-points/" + point.id(), admin).as(RestorePoint.class));

        String copy = name + "-copy";
        LAB.adopt(copy);
        Path folder = Files.createDirectories(dir.resolve("restored-now"));
        RestoreRequest restoreAndImport = new RestoreRequest(folder.toString(), "qcow2", copy, true, false, false,
                PASSPHRASE, null);
        Task restore = succeeded(http().call("POST", "/restore-points/" + point.id() + "/restore", admin, restoreAndImport));
        Task imported = Await.until(() -> http().get("/tasks", admin).list(Task.class).stream()
                        .filter(t -> t.type() == TaskType.IMPORT && t.createdAt().isAfter(restore.createdAt())).findFirst(),
                Optional::isPresent, "the IMPORT after the RESTORE").orElseThrow();
        Task importDone = awaitEnd(imported.id());
        assertEquals(TaskState.SUCCEEDED, importDone.state(), importDone.toString());
        assertEquals(restore.nodeId(), importDone.nodeId(), "the IMPORT runs where the files were restored");
        Vm defined = synced(local, copy);
        assertFalse(defined.uuid().equals(vm.uuid()), "the import is a new VM");

        // the same restore again: its files exist, the RESTORE fails and no IMPORT follows
        Http.Answer again = http().call("POST", "/restore-points/" + point.id() + "/restore", admin, restoreAndImport);
        assertEquals(200, again.status(), again.body());
        Task failed = awaitEnd(again.as(Task.class).id());
        assertEquals(TaskState.FAILED, failed.state());
        Await.until(() -> linkApplied(failed.id()), applied -> applied, "outcome of the failed RESTORE applied");
        assertTrue(http().get("/tasks", admin).list(Task.class).stream()
                .noneMatch(t -> t.type() == TaskType.IMPORT && t.createdAt().isAfter(failed.createdAt())));
    }

    @Test
    void aVanishedVmIsMarkedNotDeletedAndCannotBeBackedUp() throws Exception {
        String name = LAB.defineVm("bw-gone");
        Vm vm = synced(local, name);
        KvmLab.run("virsh", "-c", KvmLab.URI, "undefine", name);
        succeeded(http().call("POST", "/hypervisors/" + local.id() + "/sync", admin, null));
        Vm gone = Await.until(() -> http().get("/vms/" + vm.id(), admin).as(Vm.class), v -> !v.present(), "VM marked vanished");
        assertEquals("VANISHED", gone.state());
        assertEquals(vm.uuid(), gone.uuid());
        Http.Answer refused = http().call("POST", "/vms/" + vm.id() + "/backup", admin,
                new BackupRequest(null, dir.resolve("x").toString(), PASSPHRASE, null, false));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("VM " + name + " has vanished from its hypervisor", refused.error().message());
        assertEquals(404, http().call("POST", "/vms/" + UUID.randomUUID() + "/backup", admin,
                new BackupRequest(null, "/x", PASSPHRASE, null, false)).status());
    }

    @Test
    void aBackupWhoseNodeDiesFinishesOnTheOtherNodeOfTheSameHost() throws Exception {
        Node doomed = enroll("kvm-doomed");
        Hypervisor viaDoomed = addHypervisor("via-doomed", doomed);
        String name = LAB.defineVm("bw-failover");
        LAB.writePattern(name, 0x5a, 4L << 20, 48L << 20);
        Vm vm = synced(viaDoomed, name);
        Path destination = repository("failover-repo");

        Http.Answer queued = http().call("POST", "/vms/" + vm.id() + "/backup", admin,
                new BackupRequest(null, destination.toString(), null, passphraseFile.toString(), false));
        assertEquals(200, queued.status(), queued.body());
        UUID taskId = queued.as(Task.class).id();
        Task running = Await.until(() -> http().get("/tasks/" + taskId, admin).as(Task.class),
                t -> t.state() != TaskState.QUEUED, "the backup handed to a node");
        assertEquals(TaskState.RUNNING, running.state(), running.toString());
        assertEquals("kvm-doomed", running.nodeName());
        NODES.getLast().close();

        Task done = awaitEnd(taskId);
        assertEquals(TaskState.SUCCEEDED, done.state(), done.toString());
        assertEquals(main.id(), done.nodeId(), "the other node on the same host took it");
        List<String> log = http().get("/tasks/" + taskId + "/log", admin).list(TaskLogEntry.class).stream()
                .map(TaskLogEntry::message).toList();
        assertTrue(log.stream().anyMatch(m -> m.startsWith("Node kvm-doomed went offline at ")
                && m.endsWith("failing over: queued again for node kvm-main, to start there from the beginning")), log.toString());
        assertTrue(log.contains("Handed to node kvm-main"), log.toString());
        RestorePoint point = restorePointOf(done, vm);
        assertEquals("kvm-main", point.nodeName());
        assertEquals("FULL", point.kind());
    }
}
