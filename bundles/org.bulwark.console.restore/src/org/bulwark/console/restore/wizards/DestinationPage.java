package org.bulwark.console.restore.wizards;

import static org.bulwark.console.ConsoleIds.mark;

import org.bulwark.api.RestorePoint;
import org.bulwark.console.parts.Format;
import org.bulwark.console.restore.RestoreIds;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Where the restore goes: a folder on the node, or the hypervisor (with the folder for the disks); format and passphrase. */
final class DestinationPage extends WizardPage {
    static final String[] FORMATS = {"qcow2", "raw"};

    private final RestorePoint point;
    private Button toFolder;
    private Button toHypervisor;
    private Label folderLabel;
    private Text folder;
    private Combo format;
    private Text passphrase;

    DestinationPage(RestorePoint point) {
        super("destination");
        this.point = point;
        setTitle("Restore " + point.vmName() + " as of " + Format.time(point.createdAt()));
        setDescription("Choose where the restore point goes; node " + Format.text(point.nodeName()) + " writes the disks.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        toFolder = mark(new Button(area, SWT.RADIO), RestoreIds.WIZARD_TO_FOLDER);
        toFolder.setText("To a folder on the node: the disks as image files");
        toFolder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        toFolder.setSelection(true);
        toHypervisor = mark(new Button(area, SWT.RADIO), RestoreIds.WIZARD_TO_HYPERVISOR);
        toHypervisor.setText("To the hypervisor: define the VM again from its saved definition");
        toHypervisor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        folderLabel = new Label(area, SWT.NONE);
        folder = mark(new Text(area, SWT.BORDER), RestoreIds.WIZARD_FOLDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(area, SWT.NONE).setText("Disk format:");
        format = mark(new Combo(area, SWT.READ_ONLY), RestoreIds.WIZARD_FORMAT);
        format.setItems(FORMATS);
        format.select(0);
        new Label(area, SWT.NONE).setText("Passphrase:");
        passphrase = mark(new Text(area, SWT.BORDER | SWT.PASSWORD), RestoreIds.WIZARD_PASSPHRASE);
        passphrase.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        passphrase.setMessage(point.policyId() == null ? "needed: a backup on demand" : "not needed: the policy's passphrase file");
        toFolder.addListener(SWT.Selection, event -> validate());
        toHypervisor.addListener(SWT.Selection, event -> validate());
        folder.addModifyListener(event -> validate());
        setControl(area);
        validate();
    }

    private void validate() {
        folderLabel.setText(toHypervisor() ? "Storage folder for the VM's disks:" : "Folder on the node:");
        folderLabel.getParent().layout();
        String problem = folder().startsWith("/") ? null : "Enter the absolute path of a folder on node " + Format.text(point.nodeName()) + ".";
        setErrorMessage(folder().isEmpty() ? null : problem);
        setPageComplete(problem == null);
        if (getContainer() != null && getContainer().getCurrentPage() == this) {
            getContainer().updateButtons();
        }
    }

    @Override
    public boolean canFlipToNextPage() {
        return isPageComplete() && toHypervisor();
    }

    boolean toHypervisor() {
        return toHypervisor != null && toHypervisor.getSelection();
    }

    String folder() {
        return folder == null ? "" : folder.getText().strip();
    }

    String format() {
        return format.getText();
    }

    /** The typed passphrase, or {@code null} when none was typed. */
    String passphrase() {
        return passphrase.getText().isEmpty() ? null : passphrase.getText();
    }
}
