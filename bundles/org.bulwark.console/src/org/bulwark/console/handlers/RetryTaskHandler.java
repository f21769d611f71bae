package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.Task;
import org.bulwark.api.TaskState;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** Queues the selected failed or cancelled task again with the same request, and follows the new task. */
public final class RetryTaskHandler {
    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Task task) {
        return task != null && (task.state() == TaskState.FAILED || task.state() == TaskState.CANCELLED);
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Task task, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String title = "Retry " + task.type() + (task.nodeName() == null ? "" : " on " + task.nodeName());
        new FollowTaskJob(title, session, client -> client.tasks().retry(task.id()), events,
                failure -> ErrorMessages.show(ui, shell, title + " failed", failure)).schedule();
    }
}
