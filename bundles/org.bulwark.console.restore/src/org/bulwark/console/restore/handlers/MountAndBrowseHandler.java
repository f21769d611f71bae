package org.bulwark.console.restore.handlers;

import jakarta.inject.Named;
import org.bulwark.api.RestorePoint;
import org.bulwark.console.parts.Format;
import org.bulwark.console.restore.RestoreIds;
import org.bulwark.console.restore.parts.FileBrowserPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Opens a file browser on the selected restore point, which mounts it (and unmounts when closed). */
public final class MountAndBrowseHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point) {
        return point != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) RestorePoint point, EPartService parts, EModelService model,
            MApplication application) {
        MPart part = parts.createPart(RestoreIds.PART_FILE_BROWSER);
        part.setLabel("Files of " + point.vmName());
        part.setTooltip(point.vmName() + " as of " + Format.time(point.createdAt()) + " (restore point " + point.id() + ")");
        part.getTransientData().put(FileBrowserPart.RESTORE_POINT, point);
        part.getTags().add(RestoreIds.TAG_FILE_BROWSER);
        MPartStack stack = (MPartStack) model.find(RestoreIds.STACK_MAIN, application);
        stack.getChildren().add(part);
        parts.showPart(part, PartState.ACTIVATE);
    }
}
