package org.bulwark.console.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.api.TaskType;

/**
 * How the BACKUP tasks that ended in a period went: succeeded cleanly, succeeded with a warning
 * (the server logged a {@code WARN} entry, e.g. a broken hand-off or a failover) or failed.
 * Cancelled backups count in none of them.
 */
public record BackupOutcomes(long succeeded, long warning, long failed) {

    /** Counts the backups among {@code tasks} that ended after {@code since}; {@code warned} are ids of backups with warnings. */
    public static BackupOutcomes since(List<Task> tasks, Set<UUID> warned, Instant since) {
        List<Task> ended = tasks.stream().filter(task -> task.type() == TaskType.BACKUP && task.finishedAt() != null
                && task.finishedAt().isAfter(since)).toList();
        long warnings = ended.stream().filter(task -> task.state() == TaskState.SUCCEEDED && warned.contains(task.id())).count();
        return new BackupOutcomes(ended.stream().filter(task -> task.state() == TaskState.SUCCEEDED).count() - warnings,
                warnings, ended.stream().filter(task -> task.state() == TaskState.FAILED).count());
    }

    /** Whether {@code task} is a backup whose log may hold a warning: one that succeeded after {@code since}. */
    public static boolean mayWarn(Task task, Instant since) {
        return task.type() == TaskType.BACKUP && task.state() == TaskState.SUCCEEDED && task.finishedAt() != null
                && task.finishedAt().isAfter(since);
    }
}
