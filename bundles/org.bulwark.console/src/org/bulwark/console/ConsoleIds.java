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
    public static final String PART_POLICIES = "org.bulwark.console.part.policies";
    public static final String PART_DESTINATIONS = "org.bulwark.console.part.destinations";
    /** The stack of the main parts, where editors open too. */
    public static final String STACK_MAIN = "org.bulwark.console.stack.main";

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
    public static final String TASKS_FILTER = "tasks.filter";
    public static final String TASKS_LOG = "tasks.log";
    public static final String INVENTORY_FILTER = "inventory.filter";
    public static final String INVENTORY_HYPERVISORS = "inventory.hypervisors";
    public static final String INVENTORY_HYPERVISORS_STATUS = "inventory.hypervisorsStatus";
    public static final String HYPERVISOR_NAME = "hypervisor.name";
    public static final String HYPERVISOR_NODE = "hypervisor.node";
    public static final String HYPERVISOR_URI = "hypervisor.uri";
    public static final String HYPERVISOR_ADD = "hypervisor.add";
    public static final String HYPERVISOR_REMOVE = "hypervisor.remove";
    public static final String HYPERVISOR_MESSAGE = "hypervisor.message";
    public static final String INVENTORY_TABLE = "inventory.table";
    public static final String INVENTORY_STATUS = "inventory.status";
    public static final String DASHBOARD_STATUS = "dashboard.status";
    public static final String DASHBOARD_VMS_PROTECTED = "dashboard.vmsProtected";
    public static final String DASHBOARD_VMS_UNPROTECTED = "dashboard.vmsUnprotected";
    public static final String DASHBOARD_TASKS_RUNNING = "dashboard.tasksRunning";
    public static final String DASHBOARD_NODES = "dashboard.nodes";
    public static final String DASHBOARD_CHART_BACKUPS = "dashboard.chartBackups";
    public static final String DASHBOARD_CHART_PROTECTION = "dashboard.chartProtection";
    public static final String DASHBOARD_CHART_STORAGE = "dashboard.chartStorage";
    public static final String RESTORE_POINTS_TABLE = "restorePoints.table";
    public static final String RESTORE_POINTS_STATUS = "restorePoints.status";
    public static final String POLICIES_TABLE = "policies.table";
    public static final String POLICIES_STATUS = "policies.status";
    public static final String POLICY_MESSAGE = "policy.message";
    public static final String POLICY_NAME = "policy.name";
    public static final String POLICY_ENABLED = "policy.enabled";
    public static final String POLICY_DESTINATION = "policy.destination";
    public static final String POLICY_PASSPHRASE_FILE = "policy.passphraseFile";
    public static final String POLICY_VMS_AVAILABLE = "policy.vmsAvailable";
    public static final String POLICY_VMS_CHOSEN = "policy.vmsChosen";
    public static final String POLICY_VMS_CHOOSE = "policy.vmsChoose";
    public static final String POLICY_VMS_REMOVE = "policy.vmsRemove";
    public static final String POLICY_PATTERNS = "policy.patterns";
    public static final String POLICY_TAGS = "policy.tags";
    public static final String POLICY_MATCHED = "policy.matched";
    public static final String POLICY_SCHEDULE = "policy.schedule";
    public static final String POLICY_SCHEDULE_ADD = "policy.scheduleAdd";
    public static final String POLICY_SCHEDULES = "policy.schedules";
    public static final String POLICY_NEXT_RUNS = "policy.nextRuns";
    public static final String POLICY_KEEP_LAST = "policy.keepLast";
    public static final String POLICY_KEEP_DAYS = "policy.keepDays";
    public static final String POLICY_FULL_EVERY = "policy.fullEvery";
    public static final String POLICY_SAVE = "policy.save";
    public static final String DESTINATIONS_TABLE = "destinations.table";
    public static final String DESTINATIONS_STATUS = "destinations.status";
    public static final String DESTINATION_NAME = "destination.name";
    public static final String DESTINATION_NODE = "destination.node";
    public static final String DESTINATION_FOLDER = "destination.folder";
    public static final String DESTINATION_ADD = "destination.add";
    public static final String DESTINATION_REMOVE = "destination.remove";
    public static final String DESTINATION_MESSAGE = "destination.message";
    public static final String ENROLL_NAME = "enroll.name";
    public static final String ENROLL_HOST = "enroll.host";
    public static final String ENROLL_PORT = "enroll.port";
    public static final String ENROLL_TOKEN = "enroll.token";
    public static final String ENROLL_ERROR = "enroll.error";
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
    public static final String NOTIFICATION_STATUS = "notifications.status";
    public static final String NOTIFICATION_POPUP = "notifications.popup";
    public static final String SERVER_STATUS = "server.status";
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
