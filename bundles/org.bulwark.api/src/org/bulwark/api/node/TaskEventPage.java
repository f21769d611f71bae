package org.bulwark.api.node;

import java.util.List;
import org.bulwark.api.TaskState;

/**
 * The events of a task after a given sequence number (possibly none when the wait ran out),
 * with the task's state when the page was cut.
 */
public record TaskEventPage(List<TaskEvent> events, TaskState state) {
    public TaskEventPage {
        events = List.copyOf(events);
    }
}
