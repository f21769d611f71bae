package org.bulwark.console.restore.parts;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.bulwark.console.restore.model.Conflict;
import org.bulwark.console.restore.model.ConflictResolver;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Asks the operator what happens to a file that a download would land on; closing the dialog skips. */
public final class ConflictDialog {
    /** The dialog's title. */
    public static final String TITLE = "File exists";
    public static final String KEEP_BOTH = "Keep both";
    public static final String SKIP = "Skip";
    public static final String OVERWRITE = "Overwrite";

    private ConflictDialog() {
    }

    /** A resolver that asks on the UI thread of {@code shell}, from any thread. */
    static ConflictResolver asking(Shell shell) {
        Display display = shell.getDisplay();
        return existing -> {
            AtomicReference<Conflict> answer = new AtomicReference<>(Conflict.SKIP);
            display.syncExec(() -> answer.set(ask(shell.isDisposed() ? null : shell, existing)));
            return answer.get();
        };
    }

    private static Conflict ask(Shell shell, Path existing) {
        MessageDialog dialog = new MessageDialog(shell, TITLE, null, "'" + existing.getFileName() + "' exists already in "
                + existing.getParent() + ".\nKeep both (the download gets a new name), skip the download, or overwrite the existing one?",
                MessageDialog.QUESTION, 1, KEEP_BOTH, SKIP, OVERWRITE);
        return switch (dialog.open()) {
            case 0 -> Conflict.KEEP_BOTH;
            case 2 -> Conflict.OVERWRITE;
            default -> Conflict.SKIP;
        };
    }
}
