package org.bulwark.console.m365.handlers;

import jakarta.inject.Named;
import org.bulwark.api.M365Tenant;
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

/** Discovers the users of the selected tenant through its node and follows the task in the status bar. */
public final class DiscoverUsersHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) M365Tenant tenant) {
        return tenant != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) M365Tenant tenant, ConsoleSession session, IEventBroker events,
            UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new FollowTaskJob("Discover users of " + tenant.tenantId(), session,
                client -> client.resource(TenantResource.class).discover(tenant.id()), events,
                failure -> ErrorMessages.show(ui, shell, "Discovery of " + tenant.tenantId() + " refused", failure)).schedule();
    }
}
