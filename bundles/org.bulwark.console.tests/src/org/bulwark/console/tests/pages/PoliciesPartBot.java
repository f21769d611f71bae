package org.bulwark.console.tests.pages;

import java.util.Map;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.handlers.DeletePolicyHandler;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The Policies part: its table and the "New policy" / "Edit policy" / "Delete policy" buttons. */
public record PoliciesPartBot(Bot bot, ShellBot shell) {

    public TableBot table() {
        return shell.tableWithId(ConsoleIds.POLICIES_TABLE);
    }

    /** Waits until the policy named {@code name} is listed and returns its row. */
    public Map<String, String> waitForPolicy(String name) {
        return table().waitForRow("policy " + name, row -> name.equals(row.get("Name")));
    }

    /** Selects the policy named {@code name}, clicks "Delete policy" and returns the confirmation dialog. */
    public MessageDialogBot delete(String name) {
        table().clickRow("policy " + name, row -> name.equals(row.get("Name")));
        shell.toolItem("Delete policy").click();
        return MessageDialogBot.waitFor(bot, DeletePolicyHandler.TITLE);
    }

    /** Clicks "New policy" once the part shows, and waits for the empty editor. */
    public PolicyEditorBot newPolicy() {
        bot.waitUntil("the Policies part to show", () -> table().isVisible());
        shell.toolItem("New policy").click();
        PolicyEditorBot editor = new PolicyEditorBot(bot, shell);
        bot.waitUntil("the policy editor to open", () -> editor.text(ConsoleIds.POLICY_NAME).isVisible());
        return editor;
    }
}
