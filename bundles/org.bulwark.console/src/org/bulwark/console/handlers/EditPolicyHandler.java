package org.bulwark.console.handlers;

import jakarta.inject.Named;
import org.bulwark.api.Policy;
import org.bulwark.console.parts.PolicyEditorPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Opens the editor of the selected policy. */
public final class EditPolicyHandler {
    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Policy policy) {
        return policy != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) Policy policy, EPartService parts, EModelService models,
            MApplication application) {
        PolicyEditorPart.open(parts, models, application, policy);
    }
}
