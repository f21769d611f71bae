package org.bulwark.console.wizards;

import static org.bulwark.console.ConsoleIds.mark;

import org.bulwark.api.ApiException;
import org.bulwark.api.Node;
import org.bulwark.api.NodeEnrollment;
import org.bulwark.api.Role;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.ErrorMessages;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Enrolls a node: where its SSH endpoint listens and the one-time token it printed at its first
 * start. The server connects to it, pins its host key and hands it its own key. Finish enrolls
 * in a job; a refusal is shown on the page in plain words and everything typed stays.
 */
public final class EnrollNodeWizard extends Wizard {
    /** The window title. */
    public static final String TITLE = "Enroll a node";
    static final int DEFAULT_SSH_PORT = 2222;

    private final ConsoleSession session;
    private final UISynchronize ui;
    private final Page page = new Page();
    private Node enrolled;
    private Dialog dialog;

    public EnrollNodeWizard(ConsoleSession session, UISynchronize ui) {
        this.session = session;
        this.ui = ui;
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(false);
    }

    /** Opens the wizard modal to {@code parent}; returns the enrolled node, or {@code null} when cancelled. */
    public Node open(Shell parent) {
        dialog = new Dialog(parent, this);
        dialog.open();
        return enrolled;
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    /** The first Finish starts the enrollment and keeps the wizard open; it closes once the server enrolled the node. */
    @Override
    public boolean performFinish() {
        if (enrolled != null) {
            return true;
        }
        NodeEnrollment request = page.request();
        page.busy("Enrolling " + request.host() + ":" + request.sshPort() + "…");
        ConsoleJob.of("Enrolling node " + request.host() + ":" + request.sshPort(), monitor -> {
            try {
                Node node = session.call(client -> client.nodes().enroll(request));
                ui.asyncExec(() -> {
                    enrolled = node;
                    if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                        dialog.finish();
                    }
                });
            } catch (ApiException e) {
                ui.asyncExec(() -> page.failed(describe(e)));
            }
        }).schedule();
        return false;
    }

    /** What went wrong, in the words of an operator enrolling a node. */
    String describe(ApiException failure) {
        if (failure.status() == 403 && session.session().role() == Role.ADMINISTRATOR) {
            return "The node refused the enrollment: " + failure.getMessage()
                    + ". Check the one-time token the node printed at its first start.";
        }
        if (failure.status() == 502) {
            return "Cannot reach the node: " + failure.getMessage() + ". Check the host and SSH port.";
        }
        return ErrorMessages.describe(failure);
    }

    /** The wizard's dialog, which the enrollment job closes when it succeeded. */
    private static final class Dialog extends WizardDialog {
        Dialog(Shell parent, Wizard wizard) {
            super(parent, wizard);
        }

        void finish() {
            finishPressed();
        }
    }

    /** Name, host, SSH port and token, checked as they are typed. */
    private static final class Page extends WizardPage {
        private Text name;
        private Text host;
        private Text port;
        private Text token;
        private Label error;

        Page() {
            super("enroll");
            setTitle(TITLE);
            setDescription("The server connects to the node over SSH, pins its host key and hands it the server's key.");
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite area = new Composite(parent, SWT.NONE);
            area.setLayout(new GridLayout(2, false));
            name = field(area, "Name:", ConsoleIds.ENROLL_NAME, "optional: the node's own name when empty");
            host = field(area, "Host:", ConsoleIds.ENROLL_HOST, "host name or address of the node");
            port = field(area, "SSH port:", ConsoleIds.ENROLL_PORT, "");
            port.setText(Integer.toString(DEFAULT_SSH_PORT));
            port.setTextLimit(5);
            port.addListener(SWT.Verify, event -> event.doit = event.text.chars().allMatch(Character::isDigit));
            token = field(area, "One-time token:", ConsoleIds.ENROLL_TOKEN, "printed by the node at its first start");
            error = mark(new Label(area, SWT.WRAP), ConsoleIds.ENROLL_ERROR);
            GridData errorData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
            errorData.widthHint = 420;
            error.setLayoutData(errorData);
            for (Text text : new Text[] {name, host, port, token}) {
                text.addModifyListener(event -> validate());
            }
            setControl(area);
            validate();
        }

        private static Text field(Composite parent, String label, String id, String hint) {
            new Label(parent, SWT.NONE).setText(label);
            Text text = mark(new Text(parent, SWT.BORDER), id);
            text.setMessage(hint);
            GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
            data.widthHint = 320;
            text.setLayoutData(data);
            return text;
        }

        private void validate() {
            String problem = "";
            if (host.getText().isBlank()) {
                problem = "Enter the node's host.";
            } else if (port.getText().isEmpty() || Integer.parseInt(port.getText()) < 1 || Integer.parseInt(port.getText()) > 65535) {
                problem = "The SSH port is a number from 1 to 65535.";
            } else if (token.getText().isBlank()) {
                problem = "Enter the one-time token the node printed at its first start.";
            }
            show(problem);
            setPageComplete(problem.isEmpty());
        }

        NodeEnrollment request() {
            return new NodeEnrollment(name.getText().strip(), host.getText().strip(), Integer.parseInt(port.getText()),
                    token.getText().strip());
        }

        void busy(String what) {
            show("");
            setMessage(what);
            setPageComplete(false);
        }

        void failed(String why) {
            if (error.isDisposed()) {
                return;
            }
            setMessage(null);
            show(why);
            setPageComplete(true);
        }

        private void show(String problem) {
            error.setText(problem);
            setErrorMessage(problem.isEmpty() ? null : problem);
            error.getParent().layout(true, true);
        }
    }
}
