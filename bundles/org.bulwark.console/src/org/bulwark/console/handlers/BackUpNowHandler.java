package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.ApiException;
import org.bulwark.api.BackupRequest;
import org.bulwark.api.rest.VmResource;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.FollowTaskJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.model.InventoryRow;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Shell;

/**
 * Backs up the VM selected in the inventory now, with its policy's destination and passphrase
 * file, and follows the BACKUP task in the status bar; a VM without a policy is refused with
 * the reason, before anything is queued.
 */
public final class BackUpNowHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) InventoryRow row) {
        return row != null && row.vm().present();
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) InventoryRow row, ConsoleSession session,
            IEventBroker events, EPartService parts, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String title = "Back up " + row.vm().name();
        if (row.policy() == null) {
            ErrorMessages.show(ui, shell, title + " failed", new ApiException(400, "NO_POLICY",
                    row.vm().name() + " is covered by no enabled policy: assign it to one, which gives the destination and passphrase"));
            return;
        }
        BackupRequest request = new BackupRequest(row.policy().id(), null, null, null, false);
        new FollowTaskJob(title, session, client -> client.resource(VmResource.class).backup(row.vm().id(), request),
                events, failure -> ErrorMessages.show(ui, shell, title + " failed", failure)).schedule();
        parts.showPart(ConsoleIds.PART_TASKS, PartState.ACTIVATE);
    }
}
