package org.bulwark.console.tests.pages;

import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The Policies part: its table and the "New policy" / "Edit policy" buttons. */
public record PoliciesPartBot(Bot bot, ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.POLICIES_TABLE);
    }

    /** Waits until the policy named {@code name} is listed and returns its row. */
    public Map<String, String> waitForPolicy(String name) {
        return table().waitForRow("policy " + name, row -> name.equals(row.get("Name")));
    }

    /** Clicks "New policy": an empty editor opens. */
    public PolicyEditorBot newPolicy() {
        shell.toolItem("New policy").click();
        return new PolicyEditorBot(bot, shell);
    }
}
