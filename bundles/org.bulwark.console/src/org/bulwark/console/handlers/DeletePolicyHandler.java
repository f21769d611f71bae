package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.ApiException;
import org.bulwark.api.Policy;
import org.bulwark.api.rest.PolicyResource;
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
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Deletes the selected policy once the operator confirmed it; a refusal of the server (a role
 * that may not, a policy deleted meanwhile) is shown with its reason and the policy stays listed.
 */
public final class DeletePolicyHandler {
    /** Title of the confirmation dialog. */
    public static final String TITLE = "Delete policy";

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Policy policy) {
        return policy != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Policy policy, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!MessageDialog.openConfirm(shell, TITLE, question(policy))) {
            return;
        }
        ConsoleJob.of("Deleting policy " + policy.name(), monitor -> {
            try {
                session.call(client -> {
                    client.resource(PolicyResource.class).delete(policy.id());
                    return null;
                });
                events.post(ConsoleEvents.POLICIES_CHANGED, policy);
            } catch (ApiException e) {
                ErrorMessages.show(ui, shell, TITLE + " " + policy.name() + " failed", e);
            }
        }).schedule();
    }

    /** What the confirmation asks. */
    public static String question(Policy policy) {
        return "Delete policy " + policy.name() + "? Its schedules stop and its VMs are no longer protected by it.";
    }
}
