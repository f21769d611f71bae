package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TextBot;
import org.bulwark.console.wizards.EnrollNodeWizard;

/** The "Enroll a node" wizard. */
public record EnrollWizardBot(Bot bot, ShellBot shell) {

    /** Waits for the wizard to open. */
    public static EnrollWizardBot waitFor(Bot bot) {
        return new EnrollWizardBot(bot, bot.shell(EnrollNodeWizard.TITLE));
    }

    public TextBot text(String id) {
        return shell.textWithId(id);
    }

    /** Types every field. */
    public EnrollWizardBot fill(String name, String host, int sshPort, String token) {
        shell.activate();
        text(ConsoleIds.ENROLL_NAME).typeText(name);
        text(ConsoleIds.ENROLL_HOST).typeText(host);
        text(ConsoleIds.ENROLL_PORT).typeText(Integer.toString(sshPort));
        text(ConsoleIds.ENROLL_TOKEN).typeText(token);
        return this;
    }

    public void finish() {
        shell.button("Finish").click();
    }

    public String error() {
        return shell.labelWithId(ConsoleIds.ENROLL_ERROR).text();
    }

    /** Waits until the page shows an error starting with {@code start}, and returns it. */
    public String waitForError(String start) {
        bot.waitUntil("the wizard to say '" + start + "…'", () -> error().startsWith(start));
        return error();
    }

    public boolean isOpen() {
        return shell.isOpen();
    }

    public void waitUntilClosed() {
        shell.waitUntilClosed();
    }

    public ShellBot shell() {
        return shell;
    }
}
