package org.bulwark.console.tests.m365;

import java.util.Map;
import org.bulwark.console.m365.M365Ids;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;
import org.bulwark.console.tests.bot.Widgets;
import org.bulwark.console.tests.pages.MainWindowBot;

/** The "M365 tenants" part: the registration form, the tenants, the users of the selected one. */
record TenantsPartBot(Bot bot, ShellBot shell, Widgets widgets) {

    /** Brings the part to the front and waits for its table. */
    static TenantsPartBot open(Bot bot) {
        M365Parts.show(bot, M365Ids.PART_TENANTS);
        TenantsPartBot part = new TenantsPartBot(bot, bot.shell(MainWindowBot.TITLE), new Widgets(bot, MainWindowBot.TITLE));
        bot.waitUntil("the tenants part to show", () -> part.tenants().isVisible());
        return part;
    }

    /** Fills the form (the node chosen by name) and clicks "Register". */
    void register(String tenantId, String clientId, String secret, String node, String graphUrl, String authorityUrl) {
        shell.textWithId(M365Ids.TENANT_ID).typeText(tenantId);
        shell.textWithId(M365Ids.TENANT_CLIENT).typeText(clientId);
        shell.textWithId(M365Ids.TENANT_SECRET).typeText(secret);
        widgets.comboWithId(M365Ids.TENANT_NODE).select(node);
        shell.textWithId(M365Ids.TENANT_GRAPH_URL).typeText(graphUrl);
        shell.textWithId(M365Ids.TENANT_AUTHORITY_URL).typeText(authorityUrl);
        shell.buttonWithId(M365Ids.TENANT_REGISTER).click();
    }

    String text(String id) {
        return shell.textWithId(id).text();
    }

    String message() {
        return shell.labelWithId(M365Ids.TENANT_MESSAGE).text();
    }

    /** Waits until the form's message line says something other than "Registering…" and returns it. */
    String waitForAnswer() {
        bot.waitUntil("the server's answer under the form", () -> !message().isEmpty() && !message().startsWith("Registering"));
        return message();
    }

    TableBot tenants() {
        return shell.tableWithId(M365Ids.TENANTS_TABLE);
    }

    TableBot users() {
        return shell.tableWithId(M365Ids.USERS_TABLE);
    }

    Map<String, String> waitForTenant(String tenantId) {
        return tenants().waitForRow("tenant " + tenantId, row -> tenantId.equals(row.get("Tenant ID")));
    }

    /** Selects the tenant and clicks "Discover users" in the part's tool bar. */
    void discover(String tenantId) {
        tenants().clickRow("tenant " + tenantId, row -> tenantId.equals(row.get("Tenant ID")));
        bot.waitUntil("'Discover users' to be enabled", () -> shell.toolItem("Discover users").isEnabled());
        shell.toolItem("Discover users").click();
    }
}
