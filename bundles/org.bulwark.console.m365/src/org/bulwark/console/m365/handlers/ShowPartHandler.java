package org.bulwark.console.m365.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Brings one of the Microsoft 365 parts to the front (the menu "Microsoft 365"). */
public final class ShowPartHandler {
    /** The command parameter naming the part. */
    public static final String PART = "org.bulwark.console.m365.command.showPart.part";

    @Execute
    void execute(@Named(PART) String part, EPartService parts) {
        parts.showPart(part, PartState.ACTIVATE);
    }
}
