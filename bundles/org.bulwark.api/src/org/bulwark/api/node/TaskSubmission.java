package org.bulwark.api.node;

import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Secrets;
import org.bulwark.api.TaskType;

/** A task handed to a node; the id is chosen by the server. */
public record TaskSubmission(UUID taskId, TaskType type, Map<String, String> parameters) {
    public TaskSubmission {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "TaskSubmission[taskId=" + taskId + ", type=" + type + ", parameters=" + Secrets.masked(parameters) + "]";
    }
}
