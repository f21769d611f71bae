package org.bulwark.console.parts;

import static org.bulwark.console.ConsoleIds.mark;

import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.bulwark.api.ApiException;
import org.bulwark.api.NewUser;
import org.bulwark.api.Role;
import org.bulwark.api.User;
import org.bulwark.client.BulwarkClient;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.model.ConsoleSession;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * Users and their roles, for administrators: list, create with a role, delete the selected
 * one. Anyone else is told "Permission denied" (the server answers 403) and keeps what they typed.
 */
public final class UsersPart extends LiveTablePart<User> {
    /** What the part says when the server refuses (403). */
    public static final String PERMISSION_DENIED = "Permission denied: only administrators manage users.";

    private Text username;
    private Text password;
    private Combo role;
    private Label message;
    private RecordTable<User> table;

    @Inject
    public UsersPart(ConsoleSession session, UISynchronize ui, ESelectionService selection, IEventBroker events) {
        super(session, ui, selection, events);
    }

    @Override
    RecordTable<User> createTable(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        form.setLayout(new GridLayout(8, false));
        new Label(form, SWT.NONE).setText("User:");
        username = mark(new Text(form, SWT.BORDER), ConsoleIds.USERS_NAME);
        username.setLayoutData(new GridData(140, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("Password:");
        password = mark(new Text(form, SWT.BORDER | SWT.PASSWORD), ConsoleIds.USERS_PASSWORD);
        password.setLayoutData(new GridData(140, SWT.DEFAULT));
        new Label(form, SWT.NONE).setText("Role:");
        role = mark(new Combo(form, SWT.READ_ONLY), ConsoleIds.USERS_ROLE);
        role.setItems(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
        role.select(Role.OPERATOR.ordinal());
        Button create = mark(new Button(form, SWT.PUSH), ConsoleIds.USERS_CREATE);
        create.setText("Create");
        create.addListener(SWT.Selection, event -> create());
        Button delete = mark(new Button(form, SWT.PUSH), ConsoleIds.USERS_DELETE);
        delete.setText("Delete selected");
        delete.addListener(SWT.Selection, event -> delete());
        message = mark(new Label(parent, SWT.WRAP), ConsoleIds.USERS_MESSAGE);
        table = new RecordTable<>(parent, User.class, User::username, ConsoleIds.USERS_TABLE, ConsoleIds.USERS_STATUS);
        form.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table.column("User", 160, User::username);
        table.column("Role", 120, user -> Format.text(user.role()));
        table.column("Created", 160, user -> Format.time(user.createdAt()));
        return table;
    }

    private void create() {
        NewUser user = new NewUser(username.getText().strip(), password.getText(), Role.valueOf(role.getText()));
        if (user.username().isEmpty() || user.password().isEmpty()) {
            say("Enter a user name and a password.");
            return;
        }
        run("Create user " + user.username(), client -> client.users().create(user), () -> {
            say("Created " + user.username() + " (" + user.role() + ").");
            username.setText("");
            password.setText("");
        });
    }

    private void delete() {
        if (!(table.selected() instanceof User user)) {
            say("Select the user to delete.");
            return;
        }
        run("Delete user " + user.username(), client -> {
            client.users().delete(user.username());
            return null;
        }, () -> say("Deleted " + user.username() + "."));
    }

    /** Calls the server off the UI thread; the form is cleared only after success, so a refusal loses no input. */
    private void run(String name, Function<BulwarkClient, Object> call, Runnable succeeded) {
        say(name + "…");
        change(name, call, succeeded, this::sayFailure);
    }

    @Override
    void showFailure(ApiException failure) {
        if (failure.status() == 403) {
            table.show(List.of(), PERMISSION_DENIED);
        } else {
            super.showFailure(failure);
        }
    }

    private void sayFailure(ApiException failure) {
        say(failure.status() == 403 ? PERMISSION_DENIED : failure.getMessage() + " (" + failure.code() + ")");
    }

    private void say(String text) {
        if (!message.isDisposed()) {
            message.setText(text);
            message.getParent().layout(true, true);
        }
    }

    @Override
    List<User> fetch(BulwarkClient client) {
        return client.users().list();
    }

    @Override
    String summary(List<User> users) {
        return count(users.size(), "user");
    }
}
