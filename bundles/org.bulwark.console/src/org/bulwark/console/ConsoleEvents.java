package org.bulwark.console;

/** Event topics of the console on the e4 event broker. */
public final class ConsoleEvents {
    /** A task was queued, changed or ended through the console; data: the {@code Task}. */
    public static final String TASKS_CHANGED = "org/bulwark/console/tasks/changed";
    /** A policy was saved through the console; data: the {@code Policy} as the server returned it. */
    public static final String POLICIES_CHANGED = "org/bulwark/console/policies/changed";

    /** The console lost or regained its server; data: the {@code ServerState}. */
    public static final String SERVER_STATE = "org/bulwark/console/server/state";

    private ConsoleEvents() {
    }
}
