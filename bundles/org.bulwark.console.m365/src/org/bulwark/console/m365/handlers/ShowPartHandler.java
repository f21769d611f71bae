package org.bulwark.console.m365.handlers;

import jakarta.inject.Named;
import org.bulwark.console.m365.M365Ids;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Brings one of the Microsoft 365 parts to the front (the menu "Microsoft 365"). */
public final class ShowPartHandler {
    @Execute
    void execute(@Named(M365Ids.COMMAND_SHOW_PART_PARAMETER) String part, EPartService parts) {
        parts.showPart(part, PartState.ACTIVATE);
    }
}
