package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.ApiException;
import org.bulwark.api.Task;
import org.bulwark.console.ConsoleEvents;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** Asks the server to cancel the selected task, if it has not ended yet. */
public final class CancelTaskHandler {
    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Task task) {
        return task != null && !task.state().isFinal();
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Task task, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        ConsoleJob.of("Cancelling " + task.type() + " on " + task.nodeName(), monitor -> {
            try {
                events.post(ConsoleEvents.TASKS_CHANGED, session.call(client -> client.tasks().cancel(task.id())));
            } catch (ApiException e) {
                ErrorMessages.show(ui, shell, "Cancel failed", e);
            }
        }).schedule();
    }
}
