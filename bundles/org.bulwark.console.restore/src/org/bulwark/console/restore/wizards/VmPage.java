package org.bulwark.console.restore.wizards;

import static org.bulwark.console.ConsoleIds.mark;

import java.util.regex.Pattern;
import org.bulwark.api.RestorePoint;
import org.bulwark.console.restore.RestoreIds;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The VM a restore to the hypervisor defines: a new name (or the original, overwritten) and whether it starts. */
final class VmPage extends WizardPage {
    /** Names libvirt and file systems both take without quoting. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final RestorePoint point;
    private Text name;
    private Button start;
    private Button overwrite;

    VmPage(RestorePoint point) {
        super("vm");
        this.point = point;
        setTitle("The restored VM");
        setDescription("A new VM with a new name, UUID and MAC addresses, or the original VM overwritten.");
        setPageComplete(true);
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText("Name of the new VM:");
        name = mark(new Text(area, SWT.BORDER), RestoreIds.WIZARD_NAME);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setText(point.vmName() + "-restored");
        start = mark(new Button(area, SWT.CHECK), RestoreIds.WIZARD_START);
        start.setText("Start the VM after the import");
        start.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        overwrite = mark(new Button(area, SWT.CHECK), RestoreIds.WIZARD_OVERWRITE);
        overwrite.setText("Overwrite the original VM " + point.vmName() + " instead (asks for confirmation)");
        overwrite.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        name.addModifyListener(event -> validate());
        overwrite.addListener(SWT.Selection, event -> validate());
        setControl(area);
        validate();
    }

    private void validate() {
        name.setEnabled(!overwrite());
        String problem = overwrite() || NAME.matcher(name()).matches() ? null
                : "Name the VM with letters, digits, '.', '_' or '-' (at most 63, starting with a letter or digit).";
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    String name() {
        return name == null ? "" : name.getText().strip();
    }

    boolean start() {
        return start != null && start.getSelection();
    }

    boolean overwrite() {
        return overwrite != null && overwrite.getSelection();
    }
}
