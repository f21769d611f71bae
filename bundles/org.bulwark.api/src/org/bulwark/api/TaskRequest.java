package org.bulwark.api;

import java.util.Map;
import java.util.UUID;

/**
 * Request to queue a task.
 *
 * @param nodeId the node to run it on, or {@code null} to let the server choose
 */
public record TaskRequest(TaskType type, UUID nodeId, Map<String, String> parameters) {
    public TaskRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "TaskRequest[type=" + type + ", nodeId=" + nodeId + ", parameters=" + Secrets.masked(parameters) + "]";
    }
}
