package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The Restore points part: the restore points of the VM selected in the inventory. */
public record RestorePointsPartBot(ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.RESTORE_POINTS_TABLE);
    }

    public String status() {
        return shell.labelWithId(ConsoleIds.RESTORE_POINTS_STATUS).text();
    }
}
