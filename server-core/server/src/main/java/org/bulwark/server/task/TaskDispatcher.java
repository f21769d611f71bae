package org.bulwark.server.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bulwark.api.NodeState;
import org.bulwark.api.TaskState;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.node.TaskEvents;
import org.bulwark.server.node.TaskOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves queued tasks to nodes and follows them to their end. One thread does the dispatching:
 * it picks an online node with free capacity (or the requested node), marks the task RUNNING
 * and hands it to the {@link NodeGateway}; the node's {@link TaskEvents} update the task. A
 * task whose node stays offline longer than the grace period fails, unless the {@link Failover}
 * names another node: then it is queued again for that node and starts there from the beginning
 * (events still arriving from the lost node are ignored). Tasks found RUNNING when the server
 * starts failed with the server.
 */
public final class TaskDispatcher implements TaskEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskDispatcher.class);

    private final TaskStore store;
    private final NodeRegistry nodes;
    private final NodeGateway gateway;
    private final Duration grace;
    private final Clock clock;
    private volatile Failover failover = Failover.NONE;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("task-dispatcher").daemon().factory());

    public TaskDispatcher(TaskStore store, NodeRegistry nodes, NodeGateway gateway, Duration grace, Clock clock) {
        this.store = store;
        this.nodes = nodes;
        this.gateway = gateway;
        this.grace = grace;
        this.clock = clock;
    }

    /** Reconciles tasks left RUNNING by a previous server, then dispatches every {@code tick} and on node changes. */
    public void start(Duration tick) {
        for (StoredTask task : store.inState(TaskState.RUNNING)) {
            end(task.id(), TaskState.FAILED, "The server restarted while the task was running", null);
        }
        nodes.onChange(this::wake);
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sets where tasks of lost nodes go (by default nowhere: they fail). */
    public void failover(Failover failover) {
        this.failover = failover;
    }

    /** Asks for a dispatch round soon (after a submit or a node change). */
    public void wake() {
        if (!executor.isShutdown()) {
            executor.execute(this::dispatch);
        }
    }

    private void tick() {
        dispatch();
        failOrphans();
    }

    private void dispatch() {
        try {
            for (StoredTask task : store.inState(TaskState.QUEUED)) {
                if (task.requestedNodeId() != null && nodes.status(task.requestedNodeId()).isEmpty()) {
                    end(task.id(), TaskState.QUEUED, TaskState.FAILED, "The requested node was removed", null);
                    continue;
                }
                pickNode(task).ifPresent(node -> run(task, node));
            }
        } catch (RuntimeException e) {
            LOG.error("dispatch round failed", e);
        }
    }

    private Optional<NodeRegistry.Status> pickNode(StoredTask task) {
        return nodes.online().stream()
                .filter(s -> task.requestedNodeId() == null || s.node().id().equals(task.requestedNodeId()))
                .filter(s -> free(s) > 0)
                .max(Comparator.comparingInt(this::free));
    }

    /** Free slots of a node: what it declared minus what runs there, by our count or its own (orphans included). */
    private int free(NodeRegistry.Status node) {
        int reported = node.info() == null ? 0 : node.info().runningTasks();
        return node.capacity() - Math.max(store.countRunningOn(node.node().id()), reported);
    }

    private void run(StoredTask task, NodeRegistry.Status node) {
        UUID nodeId = node.node().id();
        String nodeName = node.node().name();
        if (!store.assign(task.id(), nodeId, nodeName, clock.instant())) {
            return;
        }
        try {
            gateway.submit(nodeId, new TaskOrder(task.id(), task.type(), task.parameters()), eventsFrom(nodeId));
            store.appendLog(task.id(), clock.instant(), "INFO", "Handed to node " + nodeName);
            LOG.info("task dispatched task={} type={} node={}", task.id(), task.type(), nodeName);
        } catch (NodeException e) {
            if (e.reason() == NodeException.Reason.NOT_CONNECTED || e.reason() == NodeException.Reason.UNREACHABLE) {
                store.requeue(task.id());
                LOG.warn("task requeued task={} node={} reason={}", task.id(), nodeName, e.getMessage());
            } else if (e.reason() == NodeException.Reason.UNCONFIRMED) {
                store.appendLog(task.id(), clock.instant(), "WARN", "The hand-off to node " + nodeName + " broke off ("
                        + e.getMessage() + "); the task stays with that node until it reports on it or is lost");
                LOG.warn("task hand-off unconfirmed task={} node={} reason={}", task.id(), nodeName, e.getMessage());
            } else if (e.reason() == NodeException.Reason.REJECTED) {
                end(task.id(), TaskState.FAILED, "Node " + nodeName + " refused the task: " + e.getMessage(), null);
            } else {
                end(task.id(), TaskState.FAILED, "Could not hand the task to node " + nodeName + ": " + e.getMessage(), null);
            }
        }
    }

    /** Fails running tasks whose node was removed or stayed offline past the grace period. */
    private void failOrphans() {
        try {
            Instant now = clock.instant();
            for (StoredTask task : store.inState(TaskState.RUNNING)) {
                Optional<NodeRegistry.Status> node = nodes.status(task.nodeId());
                if (node.isEmpty()) {
                    end(task.id(), TaskState.FAILED, "Node " + task.nodeName() + " was removed while the task ran", null);
                } else if (node.get().state() != NodeState.ONLINE && node.get().offlineSince() != null
                        && node.get().offlineSince().plus(grace).isBefore(now)) {
                    String lost = "Node " + task.nodeName() + " went offline at " + node.get().offlineSince() + " ("
                            + node.get().message() + ") and did not come back within " + grace;
                    if (!moveToAnotherNode(task, node.get(), lost)) {
                        end(task.id(), TaskState.FAILED, lost, null);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("orphan check failed", e);
        }
    }

    /** Queues a task of a lost node again for the node the failover names; {@code false} if there is none. */
    private boolean moveToAnotherNode(StoredTask task, NodeRegistry.Status lost, String reason) {
        Optional<UUID> replacement = failover.replacement(task, lost);
        Optional<NodeRegistry.Status> target = replacement.flatMap(nodes::status);
        if (target.isEmpty() || !store.requeueTo(task.id(), target.get().node().id())) {
            return false;
        }
        store.appendLog(task.id(), clock.instant(), "WARN", reason + "; failing over: queued again for node "
                + target.get().node().name() + ", to start there from the beginning");
        LOG.warn("task failed over task={} type={} from={} to={}", task.id(), task.type(), task.nodeName(),
                target.get().node().name());
        wake();
        return true;
    }

    /** The events of a task handed to {@code nodeId}; dropped once the task runs elsewhere (after a failover). */
    private TaskEvents eventsFrom(UUID nodeId) {
        return new TaskEvents() {
            @Override
            public void started(UUID taskId) {
                if (runsOn(taskId, nodeId)) {
                    TaskDispatcher.this.started(taskId);
                }
            }

            @Override
            public void progress(UUID taskId, int percent, String message) {
                if (runsOn(taskId, nodeId)) {
                    TaskDispatcher.this.progress(taskId, percent, message);
                }
            }

            @Override
            public void succeeded(UUID taskId, String result) {
                if (runsOn(taskId, nodeId)) {
                    TaskDispatcher.this.succeeded(taskId, result);
                }
            }

            @Override
            public void failed(UUID taskId, String error) {
                if (runsOn(taskId, nodeId)) {
                    TaskDispatcher.this.failed(taskId, error);
                }
            }

            @Override
            public void cancelled(UUID taskId) {
                if (runsOn(taskId, nodeId)) {
                    TaskDispatcher.this.cancelled(taskId);
                }
            }
        };
    }

    private boolean runsOn(UUID taskId, UUID nodeId) {
        boolean here = store.find(taskId).map(t -> nodeId.equals(t.nodeId())).orElse(false);
        if (!here) {
            LOG.info("event of task {} from node {} ignored: the task runs elsewhere now", taskId, nodeId);
        }
        return here;
    }

    @Override
    public void started(UUID taskId) {
        store.appendLog(taskId, clock.instant(), "INFO", "Started");
    }

    @Override
    public void progress(UUID taskId, int percent, String message) {
        int clamped = Math.max(0, Math.min(100, percent));
        if (store.progress(taskId, clamped, message) && message != null && !message.isBlank()) {
            store.appendLog(taskId, clock.instant(), "INFO", clamped + "% " + message);
        }
    }

    @Override
    public void succeeded(UUID taskId, String result) {
        end(taskId, TaskState.SUCCEEDED, "Succeeded", result);
    }

    @Override
    public void failed(UUID taskId, String error) {
        end(taskId, TaskState.FAILED, error, null);
    }

    @Override
    public void cancelled(UUID taskId) {
        end(taskId, TaskState.CANCELLED, "Cancelled", null);
    }

    private void end(UUID taskId, TaskState to, String message, String result) {
        end(taskId, TaskState.RUNNING, to, message, result);
    }

    private void end(UUID taskId, TaskState from, TaskState to, String message, String result) {
        Instant now = clock.instant();
        if (store.finish(taskId, from, to, message, result, now)) {
            store.appendLog(taskId, now, to == TaskState.FAILED ? "ERROR" : "INFO", to + ": " + message);
            LOG.info("task ended task={} state={} message={}", taskId, to, message);
            wake();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
