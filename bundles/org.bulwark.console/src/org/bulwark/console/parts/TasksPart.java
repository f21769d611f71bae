package org.bulwark.console.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * The task queue: what runs where, with state and a progress bar, refreshed every two
 * seconds and at once when the console itself queued or cancelled a task.
 */
public final class TasksPart {
    static final long REFRESH_MILLIS = 2000;
    private static final Color RUNNING = new Color(0x9c, 0xc3, 0xf0);
    private static final Color SUCCEEDED = new Color(0xa6, 0xdc, 0xa0);
    private static final Color FAILED = new Color(0xf0, 0xa0, 0xa0);
    private static final Color ENDED = new Color(0xd0, 0xd0, 0xd0);

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final ESelectionService selection;
    private RecordTable<Task> table;
    private RefreshJob<List<Task>> refresh;

    @Inject
    public TasksPart(ConsoleSession session, UISynchronize ui, ESelectionService selection) {
        this.session = session;
        this.ui = ui;
        this.selection = selection;
    }

    @PostConstruct
    void create(Composite parent) {
        table = new RecordTable<>(parent, Task.class, Task::id, ConsoleIds.TASKS_TABLE, ConsoleIds.TASKS_STATUS);
        table.column("Type", 90, task -> Format.text(task.type()));
        table.column("State", 100, task -> Format.text(task.state()));
        table.column("Progress", 130, task -> Format.percent(task.progress()));
        table.column("Node", 130, task -> Format.text(task.nodeName()));
        table.column("Owner", 90, task -> Format.text(task.owner()));
        table.column("Created", 150, task -> Format.time(task.createdAt()));
        table.column("Message", 300, task -> Format.text(task.message()));
        ProgressBars.draw(table.table(), 2, row -> ((Task) row).progress(), row -> color(((Task) row).state()));
        table.onSelection(selection::setSelection);
        refresh = new RefreshJob<>("Refreshing tasks", REFRESH_MILLIS, ui,
                () -> session.call(client -> client.tasks().list()), this::show, table::showFailure);
        refresh.schedule();
    }

    @Inject
    @Optional
    void tasksChanged(@UIEventTopic(ConsoleEvents.TASKS_CHANGED) Task task) {
        if (refresh != null) {
            refresh.refreshNow();
        }
    }

    private void show(List<Task> tasks) {
        long running = tasks.stream().filter(task -> task.state() == TaskState.RUNNING).count();
        table.show(tasks, tasks.size() + (tasks.size() == 1 ? " task, " : " tasks, ") + running + " running");
    }

    private static Color color(TaskState state) {
        return switch (state) {
            case QUEUED, RUNNING -> RUNNING;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> ENDED;
        };
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    @PreDestroy
    void dispose() {
        refresh.stop();
    }
}
