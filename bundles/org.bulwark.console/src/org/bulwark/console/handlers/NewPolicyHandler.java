package org.bulwark.console.handlers;

import org.bulwark.console.parts.PolicyEditorPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Opens an empty policy editor. */
public final class NewPolicyHandler {
    @Execute
    void execute(EPartService parts, EModelService models, MApplication application) {
        PolicyEditorPart.open(parts, models, application, null);
    }
}
