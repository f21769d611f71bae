package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.dialogs.AboutDialog;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;

/** The About dialog. */
public record AboutDialogBot(Bot bot, ShellBot shell) {

    static AboutDialogBot waitFor(Bot bot) {
        return new AboutDialogBot(bot, bot.shell(AboutDialog.TITLE));
    }

    /** The server's product and version, once the dialog has read them. */
    public String serverVersion() {
        bot.waitUntil("the server version in About", () -> !label(ConsoleIds.ABOUT_SERVER_VERSION).startsWith("Loading"));
        return label(ConsoleIds.ABOUT_SERVER_VERSION);
    }

    public String consoleVersion() {
        return label(ConsoleIds.ABOUT_CONSOLE_VERSION);
    }

    public String database() {
        return label(ConsoleIds.ABOUT_DATABASE);
    }

    /** Clicks "Close" and waits for the dialog to go. */
    public void close() {
        shell.activate();
        shell.button("Close").click();
        shell.waitUntilClosed();
    }

    private String label(String id) {
        return shell.labelWithId(id).text();
    }
}
