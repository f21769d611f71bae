package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.console.dialogs.AboutDialog;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** Shows the versions of console and server. */
public final class AboutHandler {
    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ConsoleSession session, UISynchronize ui) {
        new AboutDialog(shell, session, ui).open();
    }
}
