package org.bulwark.node.vm;

import java.util.Map;
import org.bulwark.api.TaskType;
import org.bulwark.node.task.TaskHandler;

/** The KVM task handlers, ready for the node's task runner. */
public final class VmTasks {
    private VmTasks() {
    }

    public static Map<TaskType, TaskHandler> handlers(VmSettings settings) {
        return Map.of(TaskType.INVENTORY, new InventoryTask(settings),
                TaskType.BACKUP, new BackupTask(settings),
                TaskType.RESTORE, new RestoreTask(),
                TaskType.IMPORT, new ImportTask(settings),
                TaskType.SNAPSHOT, new SnapshotTask(settings),
                TaskType.FORGET, new ForgetTask(settings));
    }
}
