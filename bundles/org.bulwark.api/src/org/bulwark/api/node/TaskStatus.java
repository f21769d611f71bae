package org.bulwark.api.node;

import java.util.UUID;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;

/**
 * A task as the node sees it now.
 *
 * @param progress percent done, 0 to 100
 * @param message the last progress message, or the error of a failed task
 * @param result what a succeeded task produced (JSON text), else null
 * @param lastEvent sequence number of the task's latest {@link TaskEvent}
 */
public record TaskStatus(UUID taskId, TaskType type, TaskState state, int progress, String message,
                         String result, long lastEvent) {
}
