package org.bulwark.console.m365;

/**
 * Stable identifiers of the Microsoft 365 parts: their ids in the application model and the
 * names under {@code ConsoleIds.KEY} that mark their widgets for UI tests and support.
 */
public final class M365Ids {
    public static final String PART_TENANTS = "org.bulwark.console.m365.part.tenants";
    public static final String PART_POLICIES = "org.bulwark.console.m365.part.policies";
    public static final String PART_BROWSER = "org.bulwark.console.m365.part.browser";
    /** The command that brings one of the parts above to the front, and its parameter naming the part. */
    public static final String COMMAND_SHOW_PART = "org.bulwark.console.m365.command.showPart";
    public static final String COMMAND_SHOW_PART_PARAMETER = "org.bulwark.console.m365.command.showPart.part";

    public static final String TENANT_ID = "m365.tenant.tenantId";
    public static final String TENANT_CLIENT = "m365.tenant.clientId";
    public static final String TENANT_SECRET = "m365.tenant.secret";
    public static final String TENANT_NODE = "m365.tenant.node";
    public static final String TENANT_GRAPH_URL = "m365.tenant.graphUrl";
    public static final String TENANT_AUTHORITY_URL = "m365.tenant.authorityUrl";
    public static final String TENANT_REGISTER = "m365.tenant.register";
    public static final String TENANT_MESSAGE = "m365.tenant.message";
    public static final String TENANTS_TABLE = "m365.tenants.table";
    public static final String TENANTS_STATUS = "m365.tenants.status";
    public static final String USERS_TABLE = "m365.users.table";
    public static final String USERS_STATUS = "m365.users.status";

    public static final String POLICIES_TENANT = "m365.policies.tenant";
    public static final String POLICIES_TABLE = "m365.policies.table";
    public static final String POLICIES_STATUS = "m365.policies.status";
    public static final String POLICY_NAME = "m365.policy.name";
    public static final String POLICY_ENABLED = "m365.policy.enabled";
    public static final String POLICY_USERS = "m365.policy.users";
    public static final String POLICY_PATTERNS = "m365.policy.patterns";
    public static final String POLICY_GROUPS = "m365.policy.groups";
    public static final String POLICY_LICENSES = "m365.policy.licenses";
    public static final String POLICY_DESTINATION = "m365.policy.destination";
    public static final String POLICY_PASSPHRASE_FILE = "m365.policy.passphraseFile";
    public static final String POLICY_SCHEDULES = "m365.policy.schedules";
    public static final String POLICY_KEEP_LAST = "m365.policy.keepLast";
    public static final String POLICY_KEEP_DAYS = "m365.policy.keepDays";
    public static final String POLICY_NEW = "m365.policy.new";
    public static final String POLICY_SAVE = "m365.policy.save";
    public static final String POLICY_MESSAGE = "m365.policy.message";

    public static final String BROWSER_TENANT = "m365.browser.tenant";
    public static final String BROWSER_POINTS = "m365.browser.restorePoints";
    public static final String BROWSER_SEARCH = "m365.browser.search";
    public static final String BROWSER_TREE = "m365.browser.tree";
    public static final String BROWSER_STATUS = "m365.browser.status";
    public static final String BROWSER_FOLDER = "m365.browser.localFolder";
    public static final String BROWSER_CONFLICT = "m365.browser.conflict";
    public static final String BROWSER_DOWNLOAD = "m365.browser.download";
    public static final String BROWSER_CANCEL = "m365.browser.cancelDownload";
    public static final String BROWSER_RESTORE_TARGET = "m365.browser.restoreTarget";
    public static final String BROWSER_RESTORE = "m365.browser.restore";
    public static final String BROWSER_MESSAGE = "m365.browser.message";

    private M365Ids() {
    }
}
