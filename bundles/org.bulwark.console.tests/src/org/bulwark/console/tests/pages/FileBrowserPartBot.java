package org.bulwark.console.tests.pages;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.bulwark.console.restore.RestoreIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ComboBot;
import org.bulwark.console.tests.bot.Gestures;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.TextBot;
import org.bulwark.console.tests.bot.TreeBot;
import org.bulwark.console.tests.bot.Widgets;

/** The file browser of a mounted restore point: partitions, folder tree, entries, search, local-folder pane. */
public record FileBrowserPartBot(Bot bot, ShellBot shell, Widgets widgets) {

    /** The file browser in the main window, waiting for it to show. */
    public static FileBrowserPartBot waitFor(Bot bot) {
        return new FileBrowserPartBot(bot, bot.shell(MainWindowBot.TITLE), new Widgets(bot, MainWindowBot.TITLE));
    }

    public String status() {
        return shell.labelWithId(RestoreIds.BROWSER_STATUS).text();
    }

    /** What the entries table shows, e.g. {@code /docs: 1 entry}. */
    public String showing() {
        return shell.labelWithId(RestoreIds.BROWSER_SHOWING).text();
    }

    /** Waits until the restore point is mounted and returns the status line. */
    public String waitUntilMounted() {
        bot.waitUntil("the restore point to be mounted", () -> status().startsWith("Mounted disk"), Bot.TIMEOUT.multipliedBy(3));
        return status();
    }

    public ComboBot partitions() {
        return widgets.comboWithId(RestoreIds.BROWSER_PARTITIONS);
    }

    public TreeBot folders() {
        return widgets.treeWithId(RestoreIds.BROWSER_FOLDERS);
    }

    public TableBot entries() {
        return shell.tableWithId(RestoreIds.BROWSER_ENTRIES);
    }

    /** Types {@code namePart} into the search box and presses Enter. */
    public void search(String namePart) {
        TextBot search = shell.textWithId(RestoreIds.BROWSER_SEARCH);
        search.typeText(namePart);
        Gestures.pressEnter(bot);
    }

    /** Types the local folder's path and presses Enter, and waits until the pane shows it. */
    public void openLocalFolder(Path folder) {
        shell.textWithId(RestoreIds.LOCAL_FOLDER).typeText(folder.toString());
        Gestures.pressEnter(bot);
        bot.waitUntil("the local folder to open", () -> localStatus().contains(folder.toString()));
    }

    public TreeBot localTree() {
        return widgets.treeWithId(RestoreIds.LOCAL_TREE);
    }

    public String localStatus() {
        return shell.labelWithId(RestoreIds.LOCAL_STATUS).text();
    }

    /** Drags the entry that matches onto the empty area of the local-folder pane. */
    public void dragToLocalFolder(String what, Predicate<Map<String, String>> entry) {
        Gestures.rowToTree(entries(), what, entry, localTree(), null);
    }
}
