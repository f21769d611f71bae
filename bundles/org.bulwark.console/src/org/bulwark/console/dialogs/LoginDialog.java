package org.bulwark.console.dialogs;

import static org.bulwark.console.ConsoleIds.mark;

import org.bulwark.api.ApiException;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleIds;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for server URL, user and password and logs in off the UI thread. A failure is shown in
 * the dialog in plain words and everything typed stays, so the operator corrects only what is
 * wrong. Used at start-up and, with the server and user fixed, when a session has ended.
 */
public final class LoginDialog extends Dialog {
    /** The shell title at start-up. */
    public static final String TITLE = "Log in";
    /** The shell title when a session ended and the operator must log in again. */
    public static final String TITLE_AGAIN = "Log in again";

    /** What the dialog does with the typed credentials. */
    @FunctionalInterface
    public interface Login {
        BulwarkClient login(String serverUrl, String username, String password);
    }

    private final Login login;
    private final boolean again;
    private String serverUrl;
    private String username;
    private Text serverText;
    private Text userText;
    private Text passwordText;
    private Label errorLabel;
    private ProgressBar busy;
    private BulwarkClient client;

    private LoginDialog(Shell parent, Login login, String serverUrl, String username, boolean again) {
        super(parent);
        this.login = login;
        this.serverUrl = serverUrl;
        this.username = username;
        this.again = again;
    }

    /** The start-up dialog, pre-filled with the last server and user. */
    public static LoginDialog atStartup(Shell parent, Login login, String serverUrl, String username) {
        return new LoginDialog(parent, login, serverUrl, username, false);
    }

    /** The dialog after a session ended: same server and user, only the password is asked. */
    public static LoginDialog again(Shell parent, Login login, String serverUrl, String username) {
        return new LoginDialog(parent, login, serverUrl, username, true);
    }

    /** The logged-in client once the dialog closed with OK. */
    public BulwarkClient client() {
        return client;
    }

    /** The server URL as typed (after a successful login, to remember it). */
    public String serverUrl() {
        return serverUrl;
    }

    /** The user name as typed. */
    public String username() {
        return username;
    }

    /** Plain words for a failed login. */
    public static String describe(ApiException failure) {
        return switch (failure.code()) {
            case "INVALID_CREDENTIALS" -> "Wrong user name or password.";
            case BulwarkClient.SERVER_UNREACHABLE -> failure.getMessage() + ". Check the URL and that the server is running.";
            case BulwarkClient.SERVER_TIMEOUT, BulwarkClient.INVALID_SERVER_URL -> failure.getMessage();
            default -> "The server refused the login: " + failure.getMessage() + " (" + failure.code() + ")";
        };
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(again ? TITLE_AGAIN : TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 2;
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(again ? "Your session has ended. Enter your password to continue."
                : "Log in to the Bulwark server.");
        intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        serverText = field(area, "&Server URL:", SWT.BORDER, ConsoleIds.LOGIN_SERVER, serverUrl);
        userText = field(area, "&User:", SWT.BORDER, ConsoleIds.LOGIN_USER, username);
        passwordText = field(area, "&Password:", SWT.BORDER | SWT.PASSWORD, ConsoleIds.LOGIN_PASSWORD, "");
        serverText.setEditable(!again);
        userText.setEditable(!again);
        errorLabel = mark(new Label(area, SWT.WRAP), ConsoleIds.LOGIN_ERROR);
        errorLabel.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        errorData.widthHint = convertWidthInCharsToPixels(60);
        errorData.heightHint = convertHeightInCharsToPixels(3);
        errorLabel.setLayoutData(errorData);
        busy = new ProgressBar(area, SWT.INDETERMINATE);
        busy.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        busy.setVisible(false);
        (again || !username.isEmpty() ? passwordText : userText).setFocus();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        mark(createButton(parent, IDialogConstants.OK_ID, "&Log in", true), ConsoleIds.LOGIN_OK);
        createButton(parent, IDialogConstants.CANCEL_ID, again ? "&Quit" : IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        serverUrl = serverText.getText().strip();
        username = userText.getText().strip();
        String password = passwordText.getText();
        String missing = serverUrl.isEmpty() ? "Enter the server URL." : username.isEmpty() ? "Enter the user name."
                : password.isEmpty() ? "Enter the password." : null;
        if (missing != null) {
            showError(missing);
            return;
        }
        setBusy(true);
        Job.createSystem("Logging in to " + serverUrl, monitor -> {
            BulwarkClient result = null;
            String error;
            try {
                result = login.login(serverUrl, username, password);
                error = null;
            } catch (ApiException e) {
                error = describe(e);
            } catch (RuntimeException e) {
                error = "Login failed: " + e;
            }
            finish(result, error);
            return Status.OK_STATUS;
        }).schedule();
    }

    private void finish(BulwarkClient result, String error) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            if (result != null) {
                result.close();
            }
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            setBusy(false);
            if (result != null) {
                client = result;
                super.okPressed();
            } else {
                showError(error);
                passwordText.setFocus();
                passwordText.selectAll();
            }
        });
    }

    private void showError(String message) {
        errorLabel.setText(message);
        errorLabel.getParent().layout(true, true);
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        if (on) {
            errorLabel.setText("");
        }
        for (Text text : new Text[] {serverText, userText, passwordText}) {
            text.setEnabled(!on);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
    }

    private static Text field(Composite parent, String label, int style, String id, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = mark(new Text(parent, style), id);
        text.setText(value == null ? "" : value);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 280;
        text.setLayoutData(data);
        return text;
    }

    @Override
    public boolean close() {
        if (busy != null && busy.isVisible()) {
            return false; // a login is in flight; its answer closes or re-enables the dialog
        }
        return super.close();
    }
}
