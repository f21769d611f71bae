package org.bulwark.console.m365;

/** Event topics of the Microsoft 365 parts on the e4 event broker. */
public final class M365Events {
    /** A tenant was registered or removed through the console; data: the {@code M365Tenant}. */
    public static final String TENANTS_CHANGED = "org/bulwark/console/m365/tenants/changed";

    private M365Events() {
    }
}
