package org.bulwark.server.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskState;

/**
 * Where the task queue is kept (a port; the JPA adapter implements it). Every state change is
 * conditional on the state the caller expects, so concurrent events cannot move a task twice.
 */
public interface TaskStore {

    void insert(StoredTask task);

    Optional<StoredTask> find(UUID id);

    /** The newest tasks first, at most {@code limit}. */
    List<StoredTask> newest(int limit);

    /** Tasks in a state, oldest first. */
    List<StoredTask> inState(TaskState state);

    /** How many tasks run on a node. */
    int countRunningOn(UUID nodeId);

    /** QUEUED → RUNNING on a node; {@code false} if the task was not queued any more. */
    boolean assign(UUID id, UUID nodeId, String nodeName, Instant startedAt);

    /** RUNNING → QUEUED (the node could not take it); {@code false} if it was not running. */
    boolean requeue(UUID id);

    /** RUNNING → QUEUED for another node (failover), progress back to 0; {@code false} if it was not running. */
    boolean requeueTo(UUID id, UUID nodeId);

    /** Records progress of a running task. */
    boolean progress(UUID id, int percent, String message);

    /** Moves a task from {@code from} to a final state; {@code false} if it was not in {@code from}. */
    boolean finish(UUID id, TaskState from, TaskState to, String message, String result, Instant finishedAt);

    void appendLog(UUID id, Instant time, String level, String message);

    List<TaskLogEntry> log(UUID id);
}
