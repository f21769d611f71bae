package org.bulwark.server.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskRequest;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;
import org.bulwark.server.errors.Errors;
import org.bulwark.server.fleet.NodeFailures;
import org.bulwark.server.fleet.NodeRegistry;
import org.bulwark.server.node.NodeException;
import org.bulwark.server.node.NodeGateway;
import org.bulwark.server.user.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The task queue as callers see it: submit, look, cancel, retry. The {@link TaskDispatcher} runs the tasks. */
public final class TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);
    private static final int LIST_LIMIT = 1000;

    private final TaskStore store;
    private final NodeRegistry nodes;
    private final NodeGateway gateway;
    private final TaskDispatcher dispatcher;
    private final Clock clock;
    private final List<BiConsumer<UUID, Task>> retryListeners = new CopyOnWriteArrayList<>();

    public TaskService(TaskStore store, NodeRegistry nodes, NodeGateway gateway, TaskDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.nodes = nodes;
        this.gateway = gateway;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Queues a task owned by the caller; 404 when the requested node is not enrolled. */
    public Task submit(Caller caller, TaskRequest request) {
        Errors.required(request, "task request");
        TaskType type = Errors.required(request.type(), "type");
        if (request.nodeId() != null && nodes.status(request.nodeId()).isEmpty()) {
            throw Errors.notFound("No node " + request.nodeId());
        }
        Instant now = clock.instant();
        StoredTask task = new StoredTask(UUID.randomUUID(), type, TaskState.QUEUED, 0, "queued", null, null,
                request.nodeId(), request.parameters(), caller.username(), now, null, null, null);
        store.insert(task);
        store.appendLog(task.id(), now, "INFO", "Queued by " + caller.username());
        LOG.info("task queued task={} type={} node={} owner={}", task.id(), type, request.nodeId(), caller.username());
        dispatcher.wake();
        return task.toTask();
    }

    public List<Task> list() {
        return store.newest(LIST_LIMIT).stream().map(StoredTask::toTask).toList();
    }

    public Task get(UUID id) {
        return find(id).toTask();
    }

    public List<TaskLogEntry> log(UUID id) {
        find(id);
        return store.log(id);
    }

    /**
     * Cancels a task: a queued one at once, a running one by asking its node (the node's events
     * then end it). A task that already ended answers 409.
     */
    public Task cancel(Caller caller, UUID id) {
        StoredTask task = find(id);
        if (task.state() == TaskState.QUEUED
                && store.finish(id, TaskState.QUEUED, TaskState.CANCELLED, "Cancelled by " + caller.username(), null, clock.instant())) {
            store.appendLog(id, clock.instant(), "INFO", "Cancelled by " + caller.username() + " before it started");
            LOG.info("task cancelled task={} by={} state=QUEUED", id, caller.username());
            return get(id);
        }
        task = find(id);
        if (task.state().isFinal()) {
            throw Errors.conflict("Task " + id + " has ended already (" + task.state() + ")");
        }
        if (task.state() == TaskState.RUNNING) {
            try {
                gateway.cancel(task.nodeId(), id);
            } catch (NodeException e) {
                throw NodeFailures.toApi(task.nodeName(), e);
            }
            store.appendLog(id, clock.instant(), "INFO", "Cancellation requested by " + caller.username());
            LOG.info("task cancel requested task={} node={} by={}", id, task.nodeName(), caller.username());
        }
        return get(id);
    }

    /**
     * Queues a failed or cancelled task again as a new task owned by the caller, with the same type,
     * requested node and parameters; 409 for a task in any other state.
     */
    public Task retry(Caller caller, UUID id) {
        StoredTask ended = find(id);
        if (ended.state() != TaskState.FAILED && ended.state() != TaskState.CANCELLED) {
            throw Errors.conflict("Task " + id + " is " + ended.state() + ": only a failed or cancelled task can be retried");
        }
        Task retry = submit(caller, new TaskRequest(ended.type(), ended.requestedNodeId(), ended.parameters()));
        Instant now = clock.instant();
        store.appendLog(retry.id(), now, "INFO", "Retry of task " + id);
        store.appendLog(id, now, "INFO", "Retried as task " + retry.id() + " by " + caller.username());
        LOG.info("task retried task={} retry={} by={}", id, retry.id(), caller.username());
        retryListeners.forEach(listener -> listener.accept(id, retry));
        return retry;
    }

    /** Tells {@code listener} of each retry (the old task's id, the new task), e.g. to carry on the old one's workflow. */
    public void onRetry(BiConsumer<UUID, Task> listener) {
        retryListeners.add(listener);
    }

    private StoredTask find(UUID id) {
        return store.find(id).orElseThrow(() -> Errors.notFound("No task " + id));
    }
}
