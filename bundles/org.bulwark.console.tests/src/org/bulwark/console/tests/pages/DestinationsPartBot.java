package org.bulwark.console.tests.pages;

import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.TextBot;

/** The Destinations part: the add form, its message line and the table of destinations with their usage. */
public record DestinationsPartBot(ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.DESTINATIONS_TABLE);
    }

    /** Types name and folder, keeps the node chosen (the first) and clicks "Add". */
    public DestinationsPartBot add(String name, String folder) {
        field(ConsoleIds.DESTINATION_NAME).typeText(name);
        field(ConsoleIds.DESTINATION_FOLDER).typeText(folder);
        shell.buttonWithId(ConsoleIds.DESTINATION_ADD).click();
        return this;
    }

    /** Selects the destination named {@code name} with a click and clicks "Remove selected". */
    public DestinationsPartBot remove(String name) {
        table().clickRow("destination " + name, row -> name.equals(row.get("Name")));
        shell.buttonWithId(ConsoleIds.DESTINATION_REMOVE).click();
        return this;
    }

    public TextBot field(String id) {
        return shell.textWithId(id);
    }

    /** What the part last said about the form (added, refused, removed). */
    public String message() {
        return shell.labelWithId(ConsoleIds.DESTINATION_MESSAGE).text();
    }

    public String status() {
        return shell.labelWithId(ConsoleIds.DESTINATIONS_STATUS).text();
    }

    /** Waits for the destination named {@code name} to be listed and returns its row. */
    public Map<String, String> waitForDestination(String name) {
        return table().waitForRow("destination " + name, row -> name.equals(row.get("Name")));
    }
}
