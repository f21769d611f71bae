package org.bulwark.console.tests.pages;

import java.nio.file.Path;
import org.bulwark.console.restore.RestoreIds;
import org.bulwark.console.restore.wizards.RestoreWizard;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ButtonBot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.Widgets;

/** The restore wizard: destination page, then (for the hypervisor) the VM page. */
public record RestoreWizardBot(Bot bot, ShellBot shell, Widgets widgets) {

    /** Waits for the wizard to open. */
    public static RestoreWizardBot waitFor(Bot bot) {
        return new RestoreWizardBot(bot, bot.shell(RestoreWizard.TITLE), new Widgets(bot, RestoreWizard.TITLE));
    }

    public RestoreWizardBot toFolder(String folder, String format) {
        shell.buttonWithId(RestoreIds.WIZARD_TO_FOLDER).select();
        folder(folder);
        widgets.comboWithId(RestoreIds.WIZARD_FORMAT).select(format);
        return this;
    }

    /** Types the folder on the node (or, to the hypervisor, for the disks). */
    public RestoreWizardBot folder(String folder) {
        shell.textWithId(RestoreIds.WIZARD_FOLDER).typeText(folder);
        return this;
    }

    /** The error the current page shows, or {@code null}. */
    public String errorMessage() {
        return shell.errorMessage();
    }

    public RestoreWizardBot toHypervisor(String storageFolder) {
        shell.buttonWithId(RestoreIds.WIZARD_TO_HYPERVISOR).select();
        shell.textWithId(RestoreIds.WIZARD_FOLDER).typeText(storageFolder);
        return this;
    }

    public ButtonBot next() {
        return shell.button("Next >");
    }

    public ButtonBot finish() {
        return shell.button("Finish");
    }

    public ButtonBot cancel() {
        return shell.button("Cancel");
    }

    public String vmName() {
        return shell.textWithId(RestoreIds.WIZARD_NAME).text();
    }

    public ButtonBot overwrite() {
        return shell.buttonWithId(RestoreIds.WIZARD_OVERWRITE);
    }

    public boolean isOpen() {
        return shell.isOpen();
    }

    public void waitUntilClosed() {
        shell.waitUntilClosed();
    }

    public Path screenshot(Path file) {
        return shell.screenshot(file);
    }
}
