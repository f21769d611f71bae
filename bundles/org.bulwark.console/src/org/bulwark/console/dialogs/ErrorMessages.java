package org.bulwark.console.dialogs;

import org.bulwark.api.ApiException;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Tells the operator that a server call failed, from any thread. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /** Opens an error dialog titled {@code title} with the server's message, on the UI thread. */
    public static void show(UISynchronize ui, Shell shell, String title, ApiException failure) {
        ui.asyncExec(() -> MessageDialog.openError(shell == null || shell.isDisposed() ? null : shell, title,
                failure.getMessage() + " (" + failure.code() + ")"));
    }
}
