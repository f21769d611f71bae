package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.TextBot;

/** The Inventory part: filter box, VM table and its status line. */
public record InventoryPartBot(ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.INVENTORY_TABLE);
    }

    public TableBot hypervisors() {
        return shell.tableWithId(ConsoleIds.INVENTORY_HYPERVISORS);
    }

    public TextBot filter() {
        return shell.textWithId(ConsoleIds.INVENTORY_FILTER);
    }

    /** The status line over the VM table, e.g. {@code 3 VMs, 1 unprotected}. */
    public String status() {
        return shell.labelWithId(ConsoleIds.INVENTORY_STATUS).text();
    }
}
