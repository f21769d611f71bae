package org.bulwark.console.tests.pages;

import java.util.Map;
import java.util.function.Predicate;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.TextBot;

/** The Tasks part: the task queue with state and progress, its filter and the selected task's log. */
public record TasksPartBot(Bot bot, ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.TASKS_TABLE);
    }

    /** Waits for a task row that matches, and returns it. */
    public Map<String, String> waitForTask(String what, Predicate<Map<String, String>> matches) {
        return table().waitForRow(what, matches);
    }

    /** Selects the first task that matches with a click and clicks "Cancel task". */
    public void cancel(String what, Predicate<Map<String, String>> matches) {
        table().clickRow(what, matches);
        shell.toolItem("Cancel task").click();
    }

    /** Selects the first task that matches with a click and clicks "Retry task". */
    public void retry(String what, Predicate<Map<String, String>> matches) {
        table().clickRow(what, matches);
        shell.toolItem("Retry task").click();
    }

    /** Selects the first task that matches with a click, to see its log. */
    public void select(String what, Predicate<Map<String, String>> matches) {
        table().clickRow(what, matches);
    }

    public TextBot filter() {
        return shell.textWithId(ConsoleIds.TASKS_FILTER);
    }

    /** The log of the selected task, as the pane below the table shows it. */
    public String log() {
        return shell.textWithId(ConsoleIds.TASKS_LOG).text();
    }

    public String status() {
        return shell.labelWithId(ConsoleIds.TASKS_STATUS).text();
    }

    /** Whether the tasks table is showing (its part is in front). */
    public boolean isShowing() {
        return table().isVisible();
    }
}
