package org.bulwark.console.tests.pages;

import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The Nodes part: the table of nodes and its "Ping node" button. */
public record NodesPartBot(Bot bot, ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.NODES_TABLE);
    }

    /** Waits until the node named {@code name} shows {@code state}, and returns its row. */
    public Map<String, String> waitForNode(String name, String state) {
        return table().waitForRow("node " + name + " " + state,
                row -> name.equals(row.get("Name")) && state.equals(row.get("State")));
    }

    /** The status line over the table. */
    public String status() {
        return shell.labelWithId(ConsoleIds.NODES_STATUS).text();
    }

    /** Clicks "Enroll node…": the wizard opens. */
    public EnrollWizardBot enroll() {
        shell.toolItem("Enroll node…").click();
        return EnrollWizardBot.waitFor(bot);
    }

    /** Selects the node with a click and clicks "Ping node"; the Tasks part comes to the front. */
    public TasksPartBot ping(String name) {
        table().clickRow("node " + name, row -> name.equals(row.get("Name")));
        shell.toolItem("Ping node").click();
        return new TasksPartBot(bot, shell);
    }
}
