package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.wizards.EnrollNodeWizard;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Shell;

/** Opens the enroll wizard; once a node is enrolled, the Nodes part comes to the front to show it connecting. */
public final class EnrollNodeHandler {
    @Execute
    void execute(ConsoleSession session, UISynchronize ui, EPartService parts, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (new EnrollNodeWizard(session, ui).open(shell) != null) {
            parts.showPart(ConsoleIds.PART_NODES, PartState.ACTIVATE);
        }
    }
}
