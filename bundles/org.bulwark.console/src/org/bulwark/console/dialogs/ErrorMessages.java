package org.bulwark.console.dialogs;

import org.bulwark.api.ApiException;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Tells the operator that a server call failed, in plain words, from any thread. */
public final class ErrorMessages {
    /** What the console says when the server refuses a call for the user's role (403). */
    public static final String PERMISSION_DENIED = "Permission denied: your role does not allow this.";

    private ErrorMessages() {
    }

    /** The failure in one line: a clear refusal for 403, else the server's message and code. */
    public static String describe(ApiException failure) {
        return failure.status() == 403 ? PERMISSION_DENIED + " (" + failure.getMessage() + ")"
                : failure.getMessage() + " (" + failure.code() + ")";
    }

    /** Opens an error dialog titled {@code title} with the {@linkplain #describe description} of the failure, on the UI thread. */
    public static void show(UISynchronize ui, Shell shell, String title, ApiException failure) {
        ui.asyncExec(() -> MessageDialog.openError(shell == null || shell.isDisposed() ? null : shell, title,
                describe(failure)));
    }
}
