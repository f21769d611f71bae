package org.bulwark.console.tests.pages;

import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The Users part: the create form, its message line and the table of users. */
public record UsersPartBot(ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.USERS_TABLE);
    }

    /** Types a name and password (the role stays as chosen) and clicks "Create". */
    public UsersPartBot create(String username, String password) {
        shell.textWithId(ConsoleIds.USERS_NAME).typeText(username);
        shell.textWithId(ConsoleIds.USERS_PASSWORD).typeText(password);
        shell.buttonWithId(ConsoleIds.USERS_CREATE).click();
        return this;
    }

    public String username() {
        return shell.textWithId(ConsoleIds.USERS_NAME).text();
    }

    public String password() {
        return shell.textWithId(ConsoleIds.USERS_PASSWORD).text();
    }

    /** What the part last said about the form (created, refused, permission denied). */
    public String message() {
        return shell.labelWithId(ConsoleIds.USERS_MESSAGE).text();
    }

    public String status() {
        return shell.labelWithId(ConsoleIds.USERS_STATUS).text();
    }

    /** Waits for the user named {@code username} to be listed and returns its row. */
    public Map<String, String> waitForUser(String username) {
        return table().waitForRow("user " + username, row -> username.equals(row.get("User")));
    }
}
