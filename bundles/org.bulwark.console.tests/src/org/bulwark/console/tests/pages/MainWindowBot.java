package org.bulwark.console.tests.pages;

import java.nio.file.Path;
import org.bulwark.console.ConsoleIds;
import org.bulwark.console.parts.TaskNotifications;
import org.bulwark.console.tests.bot.Bot;
import org.bulwark.console.tests.bot.ShellBot;
import org.bulwark.console.tests.bot.TableBot;

/** The console's main window: navigator, parts, tool bar and status bar. */
public record MainWindowBot(Bot bot, ShellBot shell) {
    /** The window title. */
    public static final String TITLE = "Bulwark Console";

    /** Waits for the main window to open. */
    public static MainWindowBot waitFor(Bot bot) {
        return new MainWindowBot(bot, bot.shell(TITLE));
    }

    /** Chooses "Nodes" in the navigator. */
    public NodesPartBot nodes() {
        navigate("Nodes");
        return new NodesPartBot(bot, shell);
    }

    /** Chooses "Tasks" in the navigator. */
    public TasksPartBot tasks() {
        navigate("Tasks");
        return new TasksPartBot(bot, shell);
    }

    /** Chooses "Dashboard" in the navigator. */
    public DashboardPartBot dashboard() {
        navigate("Dashboard");
        return new DashboardPartBot(shell);
    }

    /** Chooses "Inventory" in the navigator. */
    public InventoryPartBot inventory() {
        navigate("Inventory");
        return new InventoryPartBot(shell);
    }

    /** Chooses "Policies" in the navigator. */
    public PoliciesPartBot policies() {
        navigate("Policies");
        return new PoliciesPartBot(bot, shell);
    }

    /** Chooses "Restore points" in the navigator. */
    public RestorePointsPartBot restorePoints() {
        navigate("Restore points");
        return new RestorePointsPartBot(shell);
    }

    /** Chooses "Destinations" in the navigator. */
    public DestinationsPartBot destinations() {
        navigate("Destinations");
        return new DestinationsPartBot(shell);
    }

    /** What the status bar says about the connection to the server. */
    public String serverStatus() {
        return shell.labelWithId(ConsoleIds.SERVER_STATUS).text();
    }

    /** Chooses "Users" in the navigator. */
    public UsersPartBot users() {
        navigate("Users");
        return new UsersPartBot(shell);
    }

    /** Clicks "About" in the tool bar. */
    public AboutDialogBot about() {
        shell.activate();
        shell.toolItem("About").click();
        return AboutDialogBot.waitFor(bot);
    }

    /** What the status bar says about running jobs (empty when none runs). */
    public String jobStatus() {
        return shell.labelWithId(ConsoleIds.JOB_PROGRESS_LABEL).text();
    }

    /** What the status line last said about an ended task. */
    public String notification() {
        return shell.labelWithId(ConsoleIds.NOTIFICATION_STATUS).text();
    }

    /** The text of the notification popup, waiting for it to show. */
    public String popup() {
        return bot.shell(TaskNotifications.POPUP_TITLE).labelWithId(ConsoleIds.NOTIFICATION_POPUP).text();
    }

    /** Waits until no notification popup shows (they close by themselves). */
    public void waitForNoPopup() {
        bot.waitUntil("the notification popup to close", () -> bot.sync(() -> java.util.Arrays.stream(
                org.eclipse.swt.widgets.Display.getCurrent().getShells()).noneMatch(candidate -> !candidate.isDisposed()
                        && candidate.isVisible() && TaskNotifications.POPUP_TITLE.equals(candidate.getText()))));
    }

    public boolean isOpen() {
        return shell.isOpen();
    }

    /** Saves a PNG of the window. */
    public Path screenshot(Path file) {
        return shell.screenshot(file);
    }

    private void navigate(String entry) {
        shell.activate();
        TableBot navigator = shell.tableWithId(ConsoleIds.NAVIGATOR_LIST);
        navigator.clickRow("navigator entry '" + entry + "'", row -> entry.equals(row.get("")));
    }
}
