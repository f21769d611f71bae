package org.bulwark.console.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;

/**
 * Which succeeded backups carry a warning in their task log. A finished task's log no longer
 * changes, so each log is read once and remembered: a refresh reads only the logs of backups
 * that ended since the last one.
 */
public final class BackupWarnings {
    /** The level of a task log entry that makes a succeeded backup a warning. */
    public static final String WARN = "WARN";

    private final Map<UUID, Boolean> known = new ConcurrentHashMap<>();

    /**
     * The ids of the backups among {@code tasks} that succeeded after {@code since} with a warning.
     *
     * @param log reads a task's log from the server
     */
    public Set<UUID> of(List<Task> tasks, Instant since, Function<UUID, List<TaskLogEntry>> log) {
        return tasks.stream().filter(task -> BackupOutcomes.mayWarn(task, since))
                .filter(task -> known.computeIfAbsent(task.id(),
                        id -> log.apply(id).stream().anyMatch(entry -> WARN.equals(entry.level()))))
                .map(Task::id).collect(Collectors.toSet());
    }
}
