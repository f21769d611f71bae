package org.bulwark.console.tests.m365;

import java.nio.file.Path;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ComboBot;
import org.bulwark.console.tests.bot.Gestures;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TreeBot;
import org.bulwark.console.tests.bot.Widgets;
import org.bulwark.console.tests.pages.MainWindowBot;

/** The "M365 restore" part: tenant, restore point, search, the tree, download and restore. */
record M365BrowserPartBot(Bot bot, ShellBot shell, Widgets widgets) {

    static M365BrowserPartBot open(Bot bot) {
        M365Parts.show(bot, M365Ids.PART_BROWSER);
        M365BrowserPartBot part = new M365BrowserPartBot(bot, bot.shell(MainWindowBot.TITLE), new Widgets(bot, MainWindowBot.TITLE));
        bot.waitUntil("the restore browser to show", () -> part.tree().isVisible());
        return part;
    }

    ComboBot restorePoints() {
        return widgets.comboWithId(M365Ids.BROWSER_POINTS);
    }

    TreeBot tree() {
        return widgets.treeWithId(M365Ids.BROWSER_TREE);
    }

    String status() {
        return shell.labelWithId(M365Ids.BROWSER_STATUS).text();
    }

    String message() {
        return shell.labelWithId(M365Ids.BROWSER_MESSAGE).text();
    }

    /** Clicks the expander of the folder at {@code path} and waits until its children are read. */
    void open(String path) {
        tree().expandItem(path);
        bot.waitUntil("'" + path + "' to open", () -> tree().items().stream().anyMatch(item -> item.startsWith(path + " > ")
                && !item.endsWith("Loading…")), Bot.TIMEOUT.multipliedBy(2));
    }

    /** Types {@code text} into the search field and presses Enter. */
    void search(String text) {
        shell.textWithId(M365Ids.BROWSER_SEARCH).typeText(text);
        Gestures.pressEnter(bot);
    }

    /** Sets the local folder downloads go to. */
    void downloadInto(Path folder) {
        shell.textWithId(M365Ids.BROWSER_FOLDER).typeText(folder.toString());
    }

    /** Selects {@code path}, clicks "Download" and waits for the job's outcome in the message line. */
    String download(String path) {
        tree().clickItem(path);
        shell.buttonWithId(M365Ids.BROWSER_DOWNLOAD).click();
        bot.waitUntil("the download to end", () -> message().startsWith("Download of") && message().contains(": "),
                Bot.TIMEOUT.multipliedBy(2));
        return message();
    }

    /** Selects {@code path}, chooses {@code target}, clicks "Restore" and waits until the restore ended. */
    String restore(String path, String target) {
        tree().clickItem(path);
        widgets.comboWithId(M365Ids.BROWSER_RESTORE_TARGET).select(target);
        shell.buttonWithId(M365Ids.BROWSER_RESTORE).click();
        bot.waitUntil("the restore to end", () -> message().startsWith("Restore "), Bot.TIMEOUT.multipliedBy(4));
        return message();
    }
}
