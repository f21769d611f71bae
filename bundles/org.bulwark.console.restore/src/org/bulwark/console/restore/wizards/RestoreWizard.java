package org.bulwark.console.restore.wizards;

import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;

/**
 * Restores a restore point: its disks into a folder on its node (as qcow2 or raw files), or to
 * the hypervisor as a VM defined again from its saved definition (new name, disks in a chosen
 * storage folder, started if asked; or over the original VM, confirmed first). The result is a
 * {@link RestoreRequest} for {@code POST /restore-points/{id}/restore}.
 */
public final class RestoreWizard extends Wizard {
    /** The window title. */
    public static final String TITLE = "Restore";
    /** Title of the confirmation before the original VM is overwritten. */
    public static final String CONFIRM_OVERWRITE = "Overwrite the original VM?";

    private final RestorePoint point;
    private final DestinationPage destination;
    private final VmPage vm;
    private RestoreRequest request;

    public RestoreWizard(RestorePoint point) {
        this.point = point;
        this.destination = new DestinationPage(point);
        this.vm = new VmPage(point);
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(destination);
        addPage(vm);
    }

    @Override
    public boolean canFinish() {
        return destination.isPageComplete() && (!destination.toHypervisor() || vm.isPageComplete());
    }

    @Override
    public boolean performFinish() {
        boolean toHypervisor = destination.toHypervisor();
        if (toHypervisor && vm.overwrite() && !MessageDialog.openConfirm(getShell(), CONFIRM_OVERWRITE,
                "The VM " + point.vmName() + " will be defined again from this restore point, replacing its current definition"
                        + " and using the restored disks. Its current state is lost. Overwrite it?")) {
            return false;
        }
        request = new RestoreRequest(destination.folder(), destination.format(),
                toHypervisor && !vm.overwrite() ? vm.name() : null, toHypervisor, toHypervisor && vm.start(),
                toHypervisor && vm.overwrite(), destination.passphrase(), null);
        return true;
    }

    /** What the operator asked for, once the wizard finished. */
    public RestoreRequest request() {
        return request;
    }
}
