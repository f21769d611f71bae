package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit of work in the task queue.
 *
 * @param progress percent done, 0 to 100
 * @param message the last progress or error message
 * @param result what the task produced (JSON text), once it succeeded
 */
public record Task(UUID id, TaskType type, TaskState state, int progress, String message,
                   UUID nodeId, String nodeName, String owner, Instant createdAt,
                   Instant startedAt, Instant finishedAt, String result) {
}
