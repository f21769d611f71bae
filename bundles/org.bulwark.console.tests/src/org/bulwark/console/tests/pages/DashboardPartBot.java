package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ShellBot;

/** The Dashboard part: one figure per label. */
public record DashboardPartBot(ShellBot shell) {

    /** The figure shown by the label marked {@code id}, e.g. {@link ConsoleIds#DASHBOARD_NODES}. */
    public String figure(String id) {
        return shell.labelWithId(id).text();
    }

    /** Whether the dashboard is showing (its part is in front). */
    public boolean isShowing() {
        return shell.labelWithId(ConsoleIds.DASHBOARD_NODES).isVisible();
    }
}
