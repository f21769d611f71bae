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
import org.bulwark.api.RestorePoint;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.Vm;

/**
 * The figures of the dashboard, counted from what the server lists.
 *
 * @param vmsProtected present VMs covered by an enabled policy
 * @param vmsUnprotected present VMs covered by none
 * @param backupsDay backups that ended in the last 24 hours
 * @param backupsWeek backups that ended in the last 7 days
 * @param storage per destination, from the restore points
 * @param offlineNodes names of the nodes that are not online
 */
public record DashboardFigures(long vmsProtected, long vmsUnprotected, BackupOutcomes backupsDay, BackupOutcomes backupsWeek,
                               List<DestinationUsage> storage, long nodesOnline, long nodesTotal, List<String> offlineNodes,
                               long tasksRunning) {
    /** The short window of the backup outcomes. */
    public static final Duration DAY = Duration.ofHours(24);
    /** The long window of the backup outcomes, and how far back warnings are looked up. */
    public static final Duration WEEK = Duration.ofDays(7);

    public DashboardFigures {
        storage = List.copyOf(storage);
        offlineNodes = List.copyOf(offlineNodes);
    }

    /**
     * Counts the figures at {@code now}.
     *
     * @param warned ids of the succeeded backups whose task log holds a warning
     */
    public static DashboardFigures count(List<Vm> vms, List<Policy> policies, List<Task> tasks, List<Node> nodes,
            List<RestorePoint> restorePoints, Set<UUID> warned, Instant now) {
        Set<UUID> covered = new HashSet<>();
        policies.stream().filter(Policy::enabled).forEach(policy -> covered.addAll(policy.selectedVmIds()));
        List<Vm> present = vms.stream().filter(Vm::present).toList();
        long protectedVms = present.stream().filter(vm -> covered.contains(vm.id())).count();
        return new DashboardFigures(protectedVms, present.size() - protectedVms,
                BackupOutcomes.since(tasks, warned, now.minus(DAY)), BackupOutcomes.since(tasks, warned, now.minus(WEEK)),
                DestinationUsage.of(restorePoints), nodes.stream().filter(node -> node.state() == NodeState.ONLINE).count(),
                nodes.size(), nodes.stream().filter(node -> node.state() != NodeState.ONLINE).map(Node::name).toList(),
                tasks.stream().filter(task -> task.state() == TaskState.RUNNING).count());
    }
}
