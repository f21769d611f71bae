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
    public static final String PART_DASHBOARD = "org.bulwark.console.part.dashboard";
    public static final String PART_INVENTORY = "org.bulwark.console.part.inventory";
    public static final String PART_RESTORE_POINTS = "org.bulwark.console.part.restorePoints";
    public static final String PART_USERS = "org.bulwark.console.part.users";

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
    public static final String INVENTORY_FILTER = "inventory.filter";
    public static final String INVENTORY_HYPERVISORS = "inventory.hypervisors";
    public static final String INVENTORY_HYPERVISORS_STATUS = "inventory.hypervisorsStatus";
    public static final String INVENTORY_TABLE = "inventory.table";
    public static final String INVENTORY_STATUS = "inventory.status";
    public static final String DASHBOARD_STATUS = "dashboard.status";
    public static final String DASHBOARD_VMS_PROTECTED = "dashboard.vmsProtected";
    public static final String DASHBOARD_VMS_UNPROTECTED = "dashboard.vmsUnprotected";
    public static final String DASHBOARD_TASKS_SUCCEEDED = "dashboard.tasksSucceeded";
    public static final String DASHBOARD_TASKS_FAILED = "dashboard.tasksFailed";
    public static final String DASHBOARD_TASKS_RUNNING = "dashboard.tasksRunning";
    public static final String DASHBOARD_NODES = "dashboard.nodes";
    public static final String RESTORE_POINTS_TABLE = "restorePoints.table";
    public static final String RESTORE_POINTS_STATUS = "restorePoints.status";
    public static final String RESTORE_FOLDER = "restore.folder";
    public static final String RESTORE_FORMAT = "restore.format";
    public static final String RESTORE_PASSPHRASE = "restore.passphrase";
    public static final String RESTORE_ERROR = "restore.error";
    public static final String USERS_NAME = "users.name";
    public static final String USERS_PASSWORD = "users.password";
    public static final String USERS_ROLE = "users.role";
    public static final String USERS_CREATE = "users.create";
    public static final String USERS_DELETE = "users.delete";
    public static final String USERS_MESSAGE = "users.message";
    public static final String USERS_TABLE = "users.table";
    public static final String USERS_STATUS = "users.status";
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
