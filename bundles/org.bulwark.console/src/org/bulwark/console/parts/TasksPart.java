package org.bulwark.console.parts;

import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * The task queue: what runs where, with state and a progress bar, refreshed every two
 * seconds and at once when the console itself queued or cancelled a task.
 */
public final class TasksPart extends LiveTablePart<Task> {
    private static final int PROGRESS_COLUMN = 2;
    private static final Color ACTIVE = new Color(0x9c, 0xc3, 0xf0);
    private static final Color SUCCEEDED = new Color(0xa6, 0xdc, 0xa0);
    private static final Color FAILED = new Color(0xf0, 0xa0, 0xa0);
    private static final Color CANCELLED = new Color(0xd0, 0xd0, 0xd0);

    @Inject
    public TasksPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<Task> createTable(Composite parent) {
        RecordTable<Task> table = new RecordTable<>(parent, Task.class, Task::id, ConsoleIds.TASKS_TABLE, ConsoleIds.TASKS_STATUS);
        table.column("Type", 90, task -> Format.text(task.type()));
        table.column("State", 100, task -> Format.text(task.state()));
        table.column("Progress", 130, task -> Format.percent(task.progress()));
        table.column("Node", 130, task -> Format.text(task.nodeName()));
        table.column("Owner", 90, task -> Format.text(task.owner()));
        table.column("Created", 150, task -> Format.time(task.createdAt()));
        table.column("Message", 300, task -> Format.text(task.message()));
        ProgressBars.draw(table.table(), PROGRESS_COLUMN, Task.class, Task::progress, task -> color(task.state()));
        return table;
    }

    @Override
    List<Task> fetch(BulwarkClient client) {
        return client.tasks().list();
    }

    @Override
    String summary(List<Task> tasks) {
        return count(tasks.size(), "task") + ", " + tasks.stream().filter(task -> task.state() == TaskState.RUNNING).count() + " running";
    }

    @Inject
    @Optional
    void tasksChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        refreshNow();
    }

    private static Color color(TaskState state) {
        return switch (state) {
            case QUEUED, RUNNING -> ACTIVE;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }
}
