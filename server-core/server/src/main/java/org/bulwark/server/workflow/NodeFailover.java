package org.bulwark.server.workflow;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.TaskType;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.inventory.InventoryService;
import org.bulwark.server.task.Failover;
import org.bulwark.server.task.StoredTask;

/**
 * Where BACKUP and RESTORE tasks of a lost node go: another online node that reaches the same
 * hypervisor and paths. A task on the node's own hypervisor ({@code qemu:///system}, or no URI)
 * needs a node on the same host; a remote URI ({@code qemu+ssh://host/system}) any node reaches.
 * Among those the one with the most free slots wins. Other task types fail as before.
 */
public final class NodeFailover implements Failover {
    private static final Set<TaskType> MOVABLE = Set.of(TaskType.BACKUP, TaskType.RESTORE);

    private final NodeRegistry nodes;

    public NodeFailover(NodeRegistry nodes) {
        this.nodes = nodes;
    }

    @Override
    public Optional<UUID> replacement(StoredTask task, NodeRegistry.Status lost) {
        if (!MOVABLE.contains(task.type())) {
            return Optional.empty();
        }
        String uri = task.parameters().get("uri");
        boolean sameHost = uri == null || InventoryService.isLocal(uri);
        return nodes.online().stream()
                .filter(s -> !s.node().id().equals(lost.node().id()))
                .filter(s -> !sameHost || s.node().host().equals(lost.node().host()))
                .max(Comparator.comparingInt(s -> s.capacity() - (s.info() == null ? 0 : s.info().runningTasks())))
                .map(s -> s.node().id());
    }
}
