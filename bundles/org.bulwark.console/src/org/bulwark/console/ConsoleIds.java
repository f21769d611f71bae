package org.bulwark.console;

import org.eclipse.swt.widgets.Widget;

/**
 * Stable identifiers of the console: ids of parts in the application model and the
 * {@link #KEY data key} that marks important widgets for UI tests and support.
 */
public final class ConsoleIds {
    /** Widget data key whose value names the widget, e.g. {@code login.user}. */
    public static final String KEY = "bulwark.id";

    public static final String PART_NODES = "org.bulwark.console.part.nodes";
    public static final String PART_TASKS = "org.bulwark.console.part.tasks";

    public static final String LOGIN_SERVER = "login.server";
    public static final String LOGIN_USER = "login.user";
    public static final String LOGIN_PASSWORD = "login.password";
    public static final String LOGIN_ERROR = "login.error";
    public static final String LOGIN_OK = "login.ok";
    public static final String NAVIGATOR_LIST = "navigator.list";
    public static final String NODES_TABLE = "nodes.table";
    public static final String NODES_STATUS = "nodes.status";
    public static final String TASKS_TABLE = "tasks.table";
    public static final String TASKS_STATUS = "tasks.status";
    public static final String ABOUT_CONSOLE_VERSION = "about.consoleVersion";
    public static final String ABOUT_SERVER_VERSION = "about.serverVersion";
    public static final String ABOUT_SERVER_JAVA = "about.serverJava";
    public static final String ABOUT_DATABASE = "about.database";
    public static final String JOB_PROGRESS_LABEL = "jobs.label";
    public static final String JOB_PROGRESS_BAR = "jobs.bar";

    private ConsoleIds() {
    }

    /** Marks {@code widget} with {@code id} under {@link #KEY} and returns it. */
    public static <W extends Widget> W mark(W widget, String id) {
        widget.setData(KEY, id);
        return widget;
    }
}
