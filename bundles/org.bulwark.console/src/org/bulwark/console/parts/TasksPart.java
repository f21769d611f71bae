package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.api.TaskLogEntry;
import org.bulwark.api.TaskState;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The task queue: what runs where, with state and a progress bar, refreshed every two
 * seconds and at once when the console itself queued or cancelled a task; a filter narrows the
 * rows, and the log of the selected task shows below them, read again whenever that task changes.
 */
public final class TasksPart extends LiveTablePart<Task> {
    private static final int PROGRESS_COLUMN = 2;
    private static final Color ACTIVE = new Color(0x9c, 0xc3, 0xf0);
    private static final Color SUCCEEDED = new Color(0xa6, 0xdc, 0xa0);
    private static final Color FAILED = new Color(0xf0, 0xa0, 0xa0);
    private static final Color CANCELLED = new Color(0xd0, 0xd0, 0xd0);
    /** What the log pane says while no task is selected. */
    public static final String NO_TASK = "Select a task to see its log.";

    private Text filter;
    private RecordTable<Task> table;
    private Text log;
    private Task logged;

    @Inject
    public TasksPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<Task> createTable(Composite parent) {
        filter = mark(new Text(parent, SWT.BORDER), ConsoleIds.TASKS_FILTER);
        filter.setMessage("Filter by type, state, node, owner or message");
        filter.addModifyListener(event -> refilter());
        table = new RecordTable<>(parent, Task.class, Task::id, ConsoleIds.TASKS_TABLE, ConsoleIds.TASKS_STATUS);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table.column("Type", 90, task -> Format.text(task.type()));
        table.column("State", 100, task -> Format.text(task.state()));
        table.column("Progress", 130, task -> Format.percent(task.progress()));
        table.column("Node", 130, task -> Format.text(task.nodeName()));
        table.column("Owner", 90, task -> Format.text(task.owner()));
        table.column("Created", 150, task -> Format.time(task.createdAt()));
        table.column("Message", 300, task -> Format.text(task.message()));
        ProgressBars.draw(table.table(), PROGRESS_COLUMN, Task.class, Task::progress, task -> color(task.state()));
        log = mark(new Text(parent, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP), ConsoleIds.TASKS_LOG);
        GridData logLayout = new GridData(SWT.FILL, SWT.FILL, true, false);
        logLayout.heightHint = 120;
        log.setLayoutData(logLayout);
        log.setText(NO_TASK);
        table.onSelection(this::readLog);
        return table;
    }

    @Override
    boolean accepts(Task task) {
        String wanted = filter.getText().strip().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || Stream.of(task.type(), task.state(), task.nodeName(), task.owner(), task.message())
                .map(Format::text).collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT).contains(wanted);
    }

    @Override
    void shown(List<Task> tasks) {
        Task shown = logged;
        if (shown != null && tasks.stream().anyMatch(task -> task.id().equals(shown.id()) && !task.equals(shown))) {
            readLog(); // the task moved on: its log grew
        }
    }

    /** Reads the log of the selected task off the UI thread and shows it. */
    private void readLog() {
        if (!(table.selected() instanceof Task task)) {
            logged = null;
            log.setText(NO_TASK);
            return;
        }
        boolean another = logged == null || !logged.id().equals(task.id());
        logged = task;
        if (another) {
            log.setText("Reading the log of " + task.type() + " " + task.id() + "…");
        }
        ConsoleJob job = ConsoleJob.of("Reading the log of task " + task.id(), monitor -> {
            String text;
            try {
                text = session().call(client -> client.tasks().log(task.id())).stream().map(TasksPart::line)
                        .collect(Collectors.joining("\n"));
            } catch (ApiException e) {
                text = "Cannot read the log: " + ErrorMessages.describe(e);
            }
            String read = text;
            ui().asyncExec(() -> {
                if (!log.isDisposed() && logged != null && logged.id().equals(task.id()) && !Objects.equals(read, log.getText())) {
                    log.setText(read);
                    log.setTopIndex(log.getLineCount() - 1);
                }
            });
        });
        job.setSystem(true);
        job.schedule();
    }

    /** One line of the log pane, e.g. {@code 2026-11-28 12:00:00 INFO Queued by admin}. */
    static String line(TaskLogEntry entry) {
        return Format.time(entry.time()) + " " + entry.level() + " " + entry.message();
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
        if (logged != null) {
            readLog(); // a cancel or retry through the console writes to the selected task's log
        }
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
