package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.LoginDialog;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;

/** The login dialog, at start-up or after a session ended. */
public record LoginDialogBot(Bot bot, ShellBot shell) {

    /** Waits for the start-up login dialog. */
    public static LoginDialogBot atStartup(Bot bot) {
        return new LoginDialogBot(bot, bot.shell(LoginDialog.TITLE));
    }

    /** Waits for the dialog that asks for the password again. */
    public static LoginDialogBot again(Bot bot) {
        return new LoginDialogBot(bot, bot.shell(LoginDialog.TITLE_AGAIN));
    }

    /** Types the server URL, user and password and clicks "Log in". */
    public LoginDialogBot logIn(String serverUrl, String user, String password) {
        shell.activate();
        shell.textWithId(ConsoleIds.LOGIN_SERVER).typeText(serverUrl);
        shell.textWithId(ConsoleIds.LOGIN_USER).typeText(user);
        return logIn(password);
    }

    /** Types only the password (the others are filled) and clicks "Log in". */
    public LoginDialogBot logIn(String password) {
        shell.activate();
        shell.textWithId(ConsoleIds.LOGIN_PASSWORD).typeText(password);
        shell.buttonWithId(ConsoleIds.LOGIN_OK).click();
        return this;
    }

    /** Waits until the dialog shows an error, and returns it. */
    public String waitForError() {
        bot.waitUntil("an error in the login dialog", () -> !error().isEmpty());
        return error();
    }

    public String error() {
        return shell.labelWithId(ConsoleIds.LOGIN_ERROR).text();
    }

    public String serverUrl() {
        return shell.textWithId(ConsoleIds.LOGIN_SERVER).text();
    }

    public String user() {
        return shell.textWithId(ConsoleIds.LOGIN_USER).text();
    }

    public String password() {
        return shell.textWithId(ConsoleIds.LOGIN_PASSWORD).text();
    }

    public boolean isOpen() {
        return shell.isOpen();
    }

    public void waitUntilClosed() {
        shell.waitUntilClosed();
    }
}
