package org.bulwark.console.m365.handlers;

import jakarta.inject.Named;
import org.bulwark.api.M365Policy;
import org.bulwark.api.rest.TenantResource;
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

/**
 * Backs up the users of the selected tenant policy now and follows the task with its progress
 * in the status bar; the server's refusal (a disabled policy, nobody covered) shows in a dialog.
 */
public final class RunPolicyHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) M365Policy policy) {
        return policy != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) M365Policy policy, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new FollowTaskJob("Back up " + policy.name(), session,
                client -> client.resource(TenantResource.class).runPolicy(policy.tenant(), policy.id()), events,
                failure -> ErrorMessages.show(ui, shell, "Policy " + policy.name() + " not run", failure)).schedule();
    }
}
