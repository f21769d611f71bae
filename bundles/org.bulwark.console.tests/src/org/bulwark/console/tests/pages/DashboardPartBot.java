package org.bulwark.console.tests.pages;

import org.bulwark.console.ConsoleIds;
import org.bulwark.console.tests.bot.ChartBot;
import org.bulwark.console.tests.bot.ShellBot;

/** The Dashboard part: one figure per label, and its charts. */
public record DashboardPartBot(ShellBot shell) {

    /** The figure shown by the label marked {@code id}, e.g. {@link ConsoleIds#DASHBOARD_NODES}. */
    public String figure(String id) {
        return shell.labelWithId(id).text();
    }

    /** Backups of the last 24 h and 7 days by outcome. */
    public ChartBot backups() {
        return shell.chartWithId(ConsoleIds.DASHBOARD_CHART_BACKUPS);
    }

    /** Protected against unprotected VMs. */
    public ChartBot protection() {
        return shell.chartWithId(ConsoleIds.DASHBOARD_CHART_PROTECTION);
    }

    /** Backed-up and stored MiB per destination. */
    public ChartBot storage() {
        return shell.chartWithId(ConsoleIds.DASHBOARD_CHART_STORAGE);
    }

    /** Whether the dashboard is showing (its part is in front). */
    public boolean isShowing() {
        return shell.labelWithId(ConsoleIds.DASHBOARD_NODES).isVisible();
    }
}
