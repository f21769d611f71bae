package org.bulwark.console.tests.m365;

import java.util.Map;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.TextBot;
import org.bulwark.console.tests.bot.Widgets;
import org.bulwark.console.tests.pages.MainWindowBot;

/** The "M365 policies" part: the tenant's policies, the policy form, "Run now". */
record TenantPoliciesPartBot(Bot bot, ShellBot shell, Widgets widgets) {

    static TenantPoliciesPartBot open(Bot bot) {
        M365Parts.show(bot, M365Ids.PART_POLICIES);
        TenantPoliciesPartBot part = new TenantPoliciesPartBot(bot, bot.shell(MainWindowBot.TITLE),
                new Widgets(bot, MainWindowBot.TITLE));
        bot.waitUntil("the policies part to show", () -> part.policies().isVisible());
        return part;
    }

    /** Waits until {@code tenantId} is the chosen tenant. */
    void waitForTenant(String tenantId) {
        bot.waitUntil("tenant " + tenantId + " to be chosen", () -> tenantId.equals(widgets.comboWithId(M365Ids.POLICIES_TENANT).text()));
    }

    TextBot text(String id) {
        return shell.textWithId(id);
    }

    TableBot policies() {
        return shell.tableWithId(M365Ids.POLICIES_TABLE);
    }

    TableBot users() {
        return shell.tableWithId(M365Ids.POLICY_USERS);
    }

    String status() {
        return shell.labelWithId(M365Ids.POLICIES_STATUS).text();
    }

    String message() {
        return shell.labelWithId(M365Ids.POLICY_MESSAGE).text();
    }

    /** Clicks "Save" and waits for the server's answer under the form. */
    String save() {
        shell.buttonWithId(M365Ids.POLICY_SAVE).click();
        bot.waitUntil("the server's answer under the form", () -> !message().isEmpty() && !message().equals("Saving…"));
        return message();
    }

    Map<String, String> waitForPolicy(String name) {
        return policies().waitForRow("policy " + name, row -> name.equals(row.get("Name")));
    }

    /** Selects the policy and clicks "Run now" in the part's tool bar. */
    void runNow(String name) {
        policies().clickRow("policy " + name, row -> name.equals(row.get("Name")));
        bot.waitUntil("'Run now' to be enabled", () -> shell.toolItem("Run now").isEnabled());
        shell.toolItem("Run now").click();
    }
}
