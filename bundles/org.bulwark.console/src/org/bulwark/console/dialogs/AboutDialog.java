package org.bulwark.console.dialogs;

import static org.bulwark.console.ConsoleIds.mark;

import org.bulwark.api.ApiException;
import org.bulwark.api.ServerInfo;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.jobs.ConsoleJob;
import org.bulwark.console.model.ConsoleSession;
import org.bulwark.console.parts.Format;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/** Versions of the console and of the server it is connected to, for support. */
public final class AboutDialog extends Dialog {
    /** The shell title. */
    public static final String TITLE = "About Bulwark Console";

    private final ConsoleSession session;
    private final UISynchronize ui;
    private Label serverVersion;
    private Label serverJava;
    private Label database;
    private Label started;

    public AboutDialog(Shell parent, ConsoleSession session, UISynchronize ui) {
        super(parent);
        this.session = session;
        this.ui = ui;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 2;
        Label title = new Label(area, SWT.NONE);
        title.setText("Bulwark Backup & Recovery");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        row(area, "Console version:", ConsoleIds.ABOUT_CONSOLE_VERSION)
                .setText(FrameworkUtil.getBundle(AboutDialog.class).getVersion().toString());
        row(area, "Console Java:", null).setText(System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        row(area, "Server:", null).setText(session.server().toString());
        row(area, "Logged in as:", null).setText(session.session().username() + " (" + session.session().role() + ")");
        serverVersion = row(area, "Server version:", ConsoleIds.ABOUT_SERVER_VERSION);
        serverJava = row(area, "Server Java:", ConsoleIds.ABOUT_SERVER_JAVA);
        database = row(area, "Database:", ConsoleIds.ABOUT_DATABASE);
        started = row(area, "Server started:", null);
        serverVersion.setText("Loading…");
        ConsoleJob.of("Reading the server's versions", monitor -> {
            try {
                ServerInfo info = session.call(client -> client.system().info());
                ui.asyncExec(() -> show(info));
            } catch (ApiException e) {
                ui.asyncExec(() -> showFailure(e));
            }
        }).schedule();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private void show(ServerInfo info) {
        if (serverVersion.isDisposed()) {
            return;
        }
        serverVersion.setText(info.product() + " " + info.version());
        serverJava.setText(Format.text(info.javaVersion()));
        database.setText(Format.text(info.databaseVersion()));
        started.setText(Format.time(info.startedAt()));
        getShell().layout(true, true);
        getShell().pack();
    }

    private void showFailure(ApiException failure) {
        if (!serverVersion.isDisposed()) {
            serverVersion.setText("unknown: " + failure.getMessage());
            getShell().layout(true, true);
        }
    }

    private static Label row(Composite parent, String name, String id) {
        new Label(parent, SWT.NONE).setText(name);
        Label value = new Label(parent, SWT.NONE);
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return id == null ? value : mark(value, id);
    }
}
