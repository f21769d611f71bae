package org.bulwark.console.tests.pages;

import java.util.List;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TextBot;

/** The policy form editor. */
public record PolicyEditorBot(Bot bot, ShellBot shell) {

    public TextBot text(String id) {
        return shell.textWithId(id);
    }

    /** Selects the VM named {@code vm} in the inventory list and clicks "Choose →". */
    public PolicyEditorBot choose(String vm) {
        shell.tableWithId(ConsoleIds.POLICY_VMS_AVAILABLE).clickRow("VM " + vm, row -> vm.equals(row.get("Inventory")));
        shell.buttonWithId(ConsoleIds.POLICY_VMS_CHOOSE).click();
        bot.waitUntil(vm + " to be chosen", () -> chosen().contains(vm));
        return this;
    }

    /** Names of the VMs chosen by hand. */
    public List<String> chosen() {
        return shell.tableWithId(ConsoleIds.POLICY_VMS_CHOSEN).rows().stream().map(row -> row.get("Chosen by hand")).toList();
    }

    /** Types {@code expression} into the schedule field and clicks "Add"; the server checks it. */
    public PolicyEditorBot addSchedule(String expression) {
        text(ConsoleIds.POLICY_SCHEDULE).typeText(expression);
        shell.buttonWithId(ConsoleIds.POLICY_SCHEDULE_ADD).click();
        return this;
    }

    public List<String> schedules() {
        return shell.listWithId(ConsoleIds.POLICY_SCHEDULES).items();
    }

    public String nextRuns() {
        return shell.labelWithId(ConsoleIds.POLICY_NEXT_RUNS).text();
    }

    public String matched() {
        return shell.labelWithId(ConsoleIds.POLICY_MATCHED).text();
    }

    /** What the editor last said above the form (saved, refused, checking). */
    public String message() {
        return shell.labelWithId(ConsoleIds.POLICY_MESSAGE).text();
    }

    /** Waits until the message starts with {@code start} and returns it. */
    public String waitForMessage(String start) {
        bot.waitUntil("the policy editor to say '" + start + "…'", () -> message().startsWith(start));
        return message();
    }

    public void save() {
        shell.buttonWithId(ConsoleIds.POLICY_SAVE).click();
    }
}
