package org.bulwark.console.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;

/**
 * Finds the tasks that ended since the last look: each list of tasks is compared with the one
 * before, and a task counts when it was seen unfinished (or not at all, after the first look) and
 * is now final. What had ended before the first look is not news.
 */
public final class TaskEndings {
    private final Map<UUID, TaskState> seen = new HashMap<>();
    private boolean first = true;

    /** The tasks of {@code tasks} that ended since the previous call. */
    public synchronized List<Task> next(List<Task> tasks) {
        boolean baseline = first;
        first = false;
        List<Task> ended = tasks.stream().filter(task -> task.state().isFinal() && !baseline)
                .filter(task -> !seen.containsKey(task.id()) || !seen.get(task.id()).isFinal()).toList();
        seen.clear();
        tasks.forEach(task -> seen.put(task.id(), task.state()));
        return ended;
    }

    /** One line about an ended task, e.g. {@code PING on node-1 succeeded} or {@code BACKUP on node-1 failed: disk full}. */
    public static String describe(Task task) {
        String what = task.type() + (task.nodeName() == null ? "" : " on " + task.nodeName());
        return switch (task.state()) {
            case SUCCEEDED -> what + " succeeded";
            case FAILED -> what + " failed" + (task.message() == null || task.message().isBlank() ? "" : ": " + task.message());
            case CANCELLED -> what + " was cancelled";
            default -> what + " is " + task.state();
        };
    }

    /** Whether {@code task} ended badly, for the colour of its notification. */
    public static boolean failed(Task task) {
        return task.state() == TaskState.FAILED;
    }
}
