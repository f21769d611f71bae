package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.RefreshJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.TaskEndings;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Tells the operator when tasks end, whoever started them: the status line keeps the latest
 * ending, and a small popup in the window's lower right corner (never taking the focus) shows
 * what ended and closes by itself or on a click.
 */
public final class TaskNotifications {
    /** The popup's window title. */
    public static final String POPUP_TITLE = "Bulwark notification";
    static final int POPUP_MILLIS = 6000;
    private static final int MAX_LINES = 4;
    private static final Color FAILED = new Color(0xfd, 0xec, 0xea);
    private static final Color ENDED = new Color(0xe8, 0xf5, 0xe9);

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final TaskEndings endings = new TaskEndings();
    private Label status;
    private Shell popup;
    private RefreshJob<List<Task>> watch;

    @Inject
    public TaskNotifications(ConsoleSession session, UISynchronize ui) {
        this.session = session;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        status = TrimLabel.create(parent, 1, ConsoleIds.NOTIFICATION_STATUS, 420);
        watch = new RefreshJob<>("Watching tasks for notifications", LiveTablePart.REFRESH_MILLIS, ui,
                () -> endings.next(session.call(client -> client.tasks().list())), this::notify, this::unreachable);
        watch.schedule();
    }

    private void notify(List<Task> ended) {
        if (ended.isEmpty() || status.isDisposed()) {
            return;
        }
        String latest = TaskEndings.describe(ended.get(ended.size() - 1));
        status.setText(latest);
        status.setToolTipText(latest);
        String text = ended.stream().limit(MAX_LINES).map(TaskEndings::describe).collect(Collectors.joining("\n"))
                + (ended.size() > MAX_LINES ? "\n… and " + (ended.size() - MAX_LINES) + " more" : "");
        show(text, ended.stream().anyMatch(TaskEndings::failed));
    }

    private void unreachable(ApiException failure) {
        // the parts say that the server cannot be reached; the notifications wait for it quietly
    }

    private void show(String text, boolean failed) {
        if (popup != null && !popup.isDisposed()) {
            popup.dispose();
        }
        Shell window = status.getShell();
        popup = new Shell(window, SWT.TOOL | SWT.ON_TOP | SWT.NO_FOCUS | SWT.NO_TRIM);
        popup.setText(POPUP_TITLE);
        popup.setLayout(new FillLayout());
        popup.setBackground(failed ? FAILED : ENDED);
        Label label = mark(new Label(popup, SWT.WRAP), ConsoleIds.NOTIFICATION_POPUP);
        label.setText(text);
        label.setBackground(popup.getBackground());
        label.addListener(SWT.MouseDown, event -> popup.dispose());
        Point size = popup.computeSize(360, SWT.DEFAULT);
        Rectangle area = window.getBounds();
        popup.setBounds(area.x + area.width - size.x - 16, area.y + area.height - size.y - 48, size.x, size.y);
        Control typing = window.getDisplay().getFocusControl();
        popup.setVisible(true);
        if (window.getDisplay().getActiveShell() == popup && typing != null && !typing.isDisposed()) {
            typing.getShell().forceActive(); // without a window manager the new window takes the keyboard: give it back
            typing.setFocus();
        }
        Shell shown = popup;
        popup.getDisplay().timerExec(POPUP_MILLIS, () -> {
            if (!shown.isDisposed()) {
                shown.dispose();
            }
        });
    }

    @PreDestroy
    void dispose() {
        watch.stop();
        if (popup != null && !popup.isDisposed()) {
            popup.dispose();
        }
    }
}
