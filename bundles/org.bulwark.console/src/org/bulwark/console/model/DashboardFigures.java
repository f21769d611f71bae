package org.bulwark.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.Node;
import org.bulwark.api.NodeState;
import org.bulwark.api.Policy;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.Vm;

/**
 * The figures of the dashboard, counted from what the server lists.
 *
 * @param vmsProtected present VMs covered by an enabled policy
 * @param vmsUnprotected present VMs covered by none
 * @param succeeded24h tasks that succeeded in the last 24 hours
 * @param failed24h tasks that failed in the last 24 hours
 */
public record DashboardFigures(long vmsProtected, long vmsUnprotected, long succeeded24h, long failed24h,
                               long nodesOnline, long nodesTotal, long tasksRunning) {
    /** The window of the task counts. */
    public static final Duration RECENT = Duration.ofHours(24);

    /** Counts the figures at {@code now}. */
    public static DashboardFigures count(List<Vm> vms, List<Policy> policies, List<Task> tasks, List<Node> nodes,
            Instant now) {
        Set<UUID> covered = new HashSet<>();
        policies.stream().filter(Policy::enabled).forEach(policy -> covered.addAll(policy.selectedVmIds()));
        List<Vm> present = vms.stream().filter(Vm::present).toList();
        long protectedVms = present.stream().filter(vm -> covered.contains(vm.id())).count();
        Instant since = now.minus(RECENT);
        List<Task> recent = tasks.stream()
                .filter(task -> task.finishedAt() != null && task.finishedAt().isAfter(since)).toList();
        return new DashboardFigures(protectedVms, present.size() - protectedVms,
                recent.stream().filter(task -> task.state() == TaskState.SUCCEEDED).count(),
                recent.stream().filter(task -> task.state() == TaskState.FAILED).count(),
                nodes.stream().filter(node -> node.state() == NodeState.ONLINE).count(), nodes.size(),
                tasks.stream().filter(task -> task.state() == TaskState.RUNNING).count());
    }
}
