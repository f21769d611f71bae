package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.api.rest.RestorePointResource;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.dialogs.RestoreDialog;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** Restores the selected restore point into a folder on its node, following the RESTORE task in the status bar. */
public final class RestoreToFolderHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point) {
        return point != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point, ConsoleSession session,
            IEventBroker events, EPartService parts, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        RestoreDialog dialog = new RestoreDialog(shell, point);
        if (dialog.open() != Window.OK) {
            return;
        }
        RestoreRequest request = dialog.request();
        String title = "Restore " + point.vmName() + " to " + request.folder();
        new FollowTaskJob(title, session, client -> client.resource(RestorePointResource.class).restore(point.id(), request),
                events, failure -> ErrorMessages.show(ui, shell, title + " failed", failure)).schedule();
        parts.showPart(ConsoleIds.PART_TASKS, PartState.ACTIVATE);
    }
}
