package org.bulwark.api.node;

import java.time.Instant;

/**
 * One thing that happened to a task on a node, numbered from 1 per task.
 *
 * @param progress percent done, 0 to 100
 * @param message progress text, or the error of {@link Kind#FAILED}
 * @param result the task's result (JSON text) for {@link Kind#SUCCEEDED}, else null
 */
public record TaskEvent(long sequence, Kind kind, int progress, String message, String result, Instant at) {

    /** What happened; the last three end the task. */
    public enum Kind {
        STARTED, PROGRESS, SUCCEEDED, FAILED, CANCELLED;

        public boolean isFinal() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }
}
