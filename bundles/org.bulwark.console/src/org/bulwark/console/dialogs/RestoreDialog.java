package org.bulwark.console.dialogs;

import static org.bulwark.console.ConsoleIds.mark;

import org.bulwark.api.RestorePoint;
import org.bulwark.api.RestoreRequest;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.parts.Format;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks where on the node to restore a restore point's disks and as what format; OK stays
 * disabled until the folder is an absolute path. A backup on demand also needs its passphrase.
 */
public final class RestoreDialog extends Dialog {
    /** The shell title. */
    public static final String TITLE = "Restore to folder";
    static final String[] FORMATS = {"qcow2", "raw"};

    private final RestorePoint point;
    private Text folder;
    private Combo format;
    private Text passphrase;
    private Label error;
    private RestoreRequest request;

    public RestoreDialog(Shell parent, RestorePoint point) {
        super(parent);
        this.point = point;
    }

    /** What the operator asked for, once OK was pressed. */
    public RestoreRequest request() {
        return request;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label intro = new Label(area, SWT.WRAP);
        intro.setText("Restore " + point.vmName() + " as of " + Format.time(point.createdAt()) + " into a folder on node "
                + Format.text(point.nodeName()) + ".");
        intro.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(area, SWT.NONE).setText("Folder on the node:");
        folder = mark(new Text(area, SWT.BORDER), ConsoleIds.RESTORE_FOLDER);
        folder.setLayoutData(new GridData(360, SWT.DEFAULT));
        folder.addModifyListener(event -> validate());
        new Label(area, SWT.NONE).setText("Disk format:");
        format = mark(new Combo(area, SWT.READ_ONLY), ConsoleIds.RESTORE_FORMAT);
        format.setItems(FORMATS);
        format.select(0);
        new Label(area, SWT.NONE).setText("Passphrase:");
        passphrase = mark(new Text(area, SWT.BORDER | SWT.PASSWORD), ConsoleIds.RESTORE_PASSPHRASE);
        passphrase.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        passphrase.setMessage(point.policyId() == null ? "needed: backup on demand" : "from the policy's passphrase file");
        error = mark(new Label(area, SWT.WRAP), ConsoleIds.RESTORE_ERROR);
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Restore");
        validate();
    }

    private void validate() {
        String problem = folder.getText().startsWith("/") ? "" : "Enter the absolute path of a folder on the node.";
        error.setText(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem.isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        String secret = passphrase.getText();
        request = new RestoreRequest(folder.getText().strip(), format.getText(), null, false, false, false,
                secret.isEmpty() ? null : secret, null);
        super.okPressed();
    }
}
