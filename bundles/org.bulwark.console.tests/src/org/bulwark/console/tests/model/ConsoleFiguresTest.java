package org.bulwark.console.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bulwark.api.Hypervisor;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.api.Policy;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Retention;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.api.Vm;
import org.bulwark.console.model.BackupOutcomes;
import org.bulwark.console.model.BackupWarnings;
import org.bulwark.console.model.DashboardFigures;
import org.bulwark.console.model.DestinationUsage;
import org.bulwark.api.TaskLogEntry;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.bulwark.console.model.InventoryRow;
import org.junit.jupiter.api.Test;

/** What the Inventory rows and the Dashboard figures make of the server's lists. */
class ConsoleFiguresTest {
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final Hypervisor KVM = new Hypervisor(UUID.randomUUID(), "kvm-1", UUID.randomUUID(), "qemu:///system", null, null);
    private static final Vm WEB = vm("web", true);
    private static final Vm DB = vm("db", true);
    private static final Vm GONE = vm("gone", false);

    @Test
    void inventoryRowsCarryTheCoveringEnabledPolicyAndTheNewestBackup() {
        Policy disabled = policy("off", false, WEB, DB);
        Policy nightly = policy("nightly", true, WEB);
        List<RestorePoint> points = List.of(point(WEB, NOW.minus(Duration.ofDays(2))), point(WEB, NOW.minus(Duration.ofHours(3))));

        List<InventoryRow> rows = InventoryRow.join(List.of(KVM), List.of(WEB, DB, GONE), List.of(disabled, nightly), points);

        assertEquals(3, rows.size());
        assertEquals("kvm-1", rows.get(0).hypervisor());
        assertEquals("nightly", rows.get(0).policy().name(), "a disabled policy protects nothing");
        assertEquals(NOW.minus(Duration.ofHours(3)), rows.get(0).lastBackup());
        assertNull(rows.get(1).policy());
        assertNull(rows.get(1).lastBackup());
    }

    @Test
    void theFilterMatchesNameHypervisorStateOrPolicyIgnoringCase() {
        InventoryRow web = InventoryRow.join(List.of(KVM), List.of(WEB), List.of(policy("Nightly", true, WEB)), List.of()).get(0);

        assertTrue(web.matches(""));
        assertTrue(web.matches(" WEB "));
        assertTrue(web.matches("KVM-1"));
        assertTrue(web.matches("running"));
        assertTrue(web.matches("night"));
        assertFalse(web.matches("db"));
    }

    @Test
    void dashboardCountsPresentVmsBackupOutcomesOfTheDayAndWeekAndNodes() {
        Task warned = task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(2)));
        List<Task> tasks = List.of(task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(1))), warned,
                task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(25))), // older than 24 h
                task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofDays(8))), // older than 7 days
                task(TaskType.BACKUP, TaskState.FAILED, NOW.minus(Duration.ofMinutes(5))),
                task(TaskType.BACKUP, TaskState.FAILED, NOW.minus(Duration.ofDays(3))),
                task(TaskType.BACKUP, TaskState.CANCELLED, NOW.minus(Duration.ofMinutes(1))), // counts nowhere
                task(TaskType.PING, TaskState.FAILED, NOW.minus(Duration.ofMinutes(1))), // not a backup
                task(TaskType.BACKUP, TaskState.RUNNING, null), task(TaskType.PING, TaskState.RUNNING, null));
        Node offline = node(NodeState.OFFLINE);
        List<Node> nodes = List.of(node(NodeState.ONLINE), offline);

        DashboardFigures figures = DashboardFigures.count(List.of(WEB, DB, GONE),
                List.of(policy("nightly", true, WEB, GONE)), tasks, nodes, List.of(), Set.of(warned.id()), NOW);

        assertEquals(1, figures.vmsProtected(), "a vanished VM counts neither way");
        assertEquals(1, figures.vmsUnprotected());
        assertEquals(new BackupOutcomes(1, 1, 1), figures.backupsDay());
        assertEquals(new BackupOutcomes(2, 1, 2), figures.backupsWeek());
        assertEquals(1, figures.nodesOnline());
        assertEquals(2, figures.nodesTotal());
        assertEquals(List.of(offline.name()), figures.offlineNodes());
        assertEquals(2, figures.tasksRunning());
    }

    @Test
    void storageIsSummedPerNodeAndFolderWithItsDataReduction() {
        List<RestorePoint> points = List.of(point(WEB, "node-a", "/backups", 1000, 400), point(DB, "node-a", "/backups", 1000, 100),
                point(WEB, "node-b", "/backups", 500, 0));

        List<DestinationUsage> usage = DestinationUsage.of(points);

        assertEquals(List.of(new DestinationUsage("node-a:/backups", 2000, 500), new DestinationUsage("node-b:/backups", 500, 0)), usage);
        assertEquals(4.0, usage.get(0).ratio(), 1e-9);
        assertEquals(0.0, usage.get(1).ratio(), "nothing stored: no ratio");
    }

    @Test
    void aBackupsLogIsReadOnceAndOnlyWhenItSucceededInTheWindow() {
        Task clean = task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(1)));
        Task warned = task(TaskType.BACKUP, TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(2)));
        Task failed = task(TaskType.BACKUP, TaskState.FAILED, NOW.minus(Duration.ofHours(2)));
        Map<UUID, List<TaskLogEntry>> logs = Map.of(clean.id(), List.of(new TaskLogEntry(NOW, "INFO", "stored")),
                warned.id(), List.of(new TaskLogEntry(NOW, "WARN", "failing over")));
        List<UUID> read = new ArrayList<>();
        BackupWarnings warnings = new BackupWarnings();

        Set<UUID> first = warnings.of(List.of(clean, warned, failed), NOW.minus(Duration.ofDays(7)), id -> {
            read.add(id);
            return logs.get(id);
        });
        Set<UUID> second = warnings.of(List.of(clean, warned, failed), NOW.minus(Duration.ofDays(7)), id -> {
            throw new AssertionError("read again: " + id);
        });

        assertEquals(Set.of(warned.id()), first);
        assertEquals(first, second);
        assertEquals(Set.of(clean.id(), warned.id()), Set.copyOf(read), "a failed backup's log is not read");
    }

    private static Vm vm(String name, boolean present) {
        return new Vm(UUID.randomUUID(), KVM.id(), name, UUID.randomUUID().toString(), "running", 2, 1L << 30, List.of(),
                List.of(), present, NOW);
    }

    private static Policy policy(String name, boolean enabled, Vm... vms) {
        List<UUID> ids = java.util.Arrays.stream(vms).map(Vm::id).toList();
        return new Policy(UUID.randomUUID(), name, ids, List.of(), List.of(), ids, "/backups", null, List.of(),
                new Retention(7, 30), 7, enabled);
    }

    private static RestorePoint point(Vm vm, String node, String destination, long logical, long written) {
        return new RestorePoint(UUID.randomUUID().toString(), vm.id(), vm.name(), NOW, "FULL", logical, written, logical, null,
                node, destination, null, UUID.randomUUID());
    }

    private static RestorePoint point(Vm vm, Instant createdAt) {
        return new RestorePoint(UUID.randomUUID().toString(), vm.id(), vm.name(), createdAt, "FULL", 1, 1, 1, null, "node",
                "/backups", null, UUID.randomUUID());
    }

    private static Task task(TaskType type, TaskState state, Instant finishedAt) {
        return new Task(UUID.randomUUID(), type, state, 0, "", null, "node", "admin", NOW.minus(Duration.ofDays(2)),
                null, finishedAt, null);
    }

    private static Node node(NodeState state) {
        return new Node(UUID.randomUUID(), "node-" + state, "127.0.0.1", 22, state, "1", 2, 0, "fp", NOW, "");
    }
}
