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
import org.bulwark.console.model.DashboardFigures;
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
    void dashboardCountsPresentVmsAndTheLastDaysOutcomes() {
        List<Task> tasks = List.of(task(TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(1))),
                task(TaskState.SUCCEEDED, NOW.minus(Duration.ofHours(25))), // older than 24 h
                task(TaskState.FAILED, NOW.minus(Duration.ofMinutes(5))),
                task(TaskState.RUNNING, null), task(TaskState.CANCELLED, NOW.minus(Duration.ofMinutes(1))));
        List<Node> nodes = List.of(node(NodeState.ONLINE), node(NodeState.OFFLINE));

        DashboardFigures figures = DashboardFigures.count(List.of(WEB, DB, GONE),
                List.of(policy("nightly", true, WEB, GONE)), tasks, nodes, NOW);

        assertEquals(new DashboardFigures(1, 1, 1, 1, 1, 2, 1), figures, "a vanished VM counts neither way");
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

    private static RestorePoint point(Vm vm, Instant createdAt) {
        return new RestorePoint(UUID.randomUUID().toString(), vm.id(), vm.name(), createdAt, "FULL", 1, 1, 1, null, "node",
                "/backups", null, UUID.randomUUID());
    }

    private static Task task(TaskState state, Instant finishedAt) {
        return new Task(UUID.randomUUID(), TaskType.PING, state, 0, "", null, "node", "admin", NOW.minus(Duration.ofDays(2)),
                null, finishedAt, null);
    }

    private static Node node(NodeState state) {
        return new Node(UUID.randomUUID(), "node", "127.0.0.1", 22, state, "1", 2, 0, "fp", NOW, "");
    }
}
