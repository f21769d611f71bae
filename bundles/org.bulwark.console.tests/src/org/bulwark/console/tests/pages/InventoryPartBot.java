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

    /** Types name and URI of a hypervisor manager (reached through the node chosen first) and clicks "Add hypervisor". */
    public InventoryPartBot addHypervisor(String name, String uri) {
        shell.textWithId(ConsoleIds.HYPERVISOR_NAME).typeText(name);
        shell.textWithId(ConsoleIds.HYPERVISOR_URI).typeText(uri);
        shell.buttonWithId(ConsoleIds.HYPERVISOR_ADD).click();
        return this;
    }

    /** Selects the hypervisor named {@code name} and clicks "Remove selected hypervisor". */
    public InventoryPartBot removeHypervisor(String name) {
        hypervisors().clickRow("hypervisor " + name, row -> name.equals(row.get("Hypervisor")));
        shell.buttonWithId(ConsoleIds.HYPERVISOR_REMOVE).click();
        return this;
    }

    public TextBot hypervisorField(String id) {
        return shell.textWithId(id);
    }

    /** What the part last said about adding or removing a hypervisor. */
    public String hypervisorMessage() {
        return shell.labelWithId(ConsoleIds.HYPERVISOR_MESSAGE).text();
    }

    /** The status line over the VM table, e.g. {@code 3 VMs, 1 unprotected}. */
    public String status() {
        return shell.labelWithId(ConsoleIds.INVENTORY_STATUS).text();
    }
}
