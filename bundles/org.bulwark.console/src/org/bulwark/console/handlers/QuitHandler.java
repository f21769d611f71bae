package org.bulwark.console.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** Closes the console; the layout is kept for the next start. */
public final class QuitHandler {
    @Execute
    void execute(IWorkbench workbench) {
        workbench.close();
    }
}
