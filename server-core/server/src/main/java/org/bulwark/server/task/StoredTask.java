package org.bulwark.server.task;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;

/**
 * A task as stored in the queue.
 *
 * @param requestedNodeId the node the submitter asked for, or {@code null} for any
 */
public record StoredTask(UUID id, TaskType type, TaskState state, int progress, String message, UUID nodeId,
                         String nodeName, UUID requestedNodeId, Map<String, String> parameters, String owner,
                         Instant createdAt, Instant startedAt, Instant finishedAt, String result) {

    public StoredTask {
        parameters = Map.copyOf(parameters);
    }

    public Task toTask() {
        return new Task(id, type, state, progress, message, nodeId, nodeName, owner, createdAt, startedAt,
                finishedAt, result);
    }
}
