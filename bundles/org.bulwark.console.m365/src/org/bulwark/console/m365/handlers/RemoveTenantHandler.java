package org.bulwark.console.m365.handlers;

import jakarta.inject.Named;
import org.bulwark.api.ApiException;
import org.bulwark.api.M365Tenant;
import org.bulwark.api.rest.TenantResource;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.m365.M365Events;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Removes the selected tenant with its policies, once the operator confirms; its backups stay on their destination. */
public final class RemoveTenantHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) M365Tenant tenant) {
        return tenant != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) M365Tenant tenant, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (!MessageDialog.openConfirm(shell, "Remove tenant", "Remove tenant " + tenant.tenantId()
                + " with its policies and schedules? Its backups stay on their destination.")) {
            return;
        }
        ConsoleJob.of("Removing tenant " + tenant.tenantId(), monitor -> {
            try {
                session.call(client -> {
                    client.resource(TenantResource.class).remove(tenant.id());
                    return null;
                });
                events.post(M365Events.TENANTS_CHANGED, tenant);
            } catch (ApiException e) {
                ErrorMessages.show(ui, shell, "Removing tenant " + tenant.tenantId() + " failed", e);
            }
        }).schedule();
    }
}
