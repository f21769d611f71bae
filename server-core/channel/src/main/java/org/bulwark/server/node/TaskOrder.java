package org.bulwark.server.node;

import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Secrets;
import org.bulwark.api.TaskType;

/** A task as handed to a node. */
public record TaskOrder(UUID taskId, TaskType type, Map<String, String> parameters) {
    public TaskOrder {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "TaskOrder[taskId=" + taskId + ", type=" + type + ", parameters=" + Secrets.masked(parameters) + "]";
    }
}
