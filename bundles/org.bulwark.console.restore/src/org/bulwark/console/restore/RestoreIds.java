package org.bulwark.console.restore;

/**
 * Stable identifiers of the restore contributions: the application model elements of
 * {@code fragment.e4xmi} and the data keys ({@code ConsoleIds.KEY}) of widgets tests and
 * support find them by.
 */
public final class RestoreIds {
    /** The part descriptor of the file browser; one part per mounted restore point. */
    public static final String PART_FILE_BROWSER = "org.bulwark.console.restore.part.fileBrowser";
    /** The stack of the console's main parts, where file browsers open. */
    public static final String STACK_MAIN = "org.bulwark.console.stack.main";
    /** Tag of file browser parts, so they can be found. */
    public static final String TAG_FILE_BROWSER = "bulwark:fileBrowser";

    public static final String BROWSER_STATUS = "browser.status";
    public static final String BROWSER_SHOWING = "browser.showing";
    public static final String BROWSER_PARTITIONS = "browser.partitions";
    public static final String BROWSER_FOLDERS = "browser.folders";
    public static final String BROWSER_ENTRIES = "browser.entries";
    public static final String BROWSER_SEARCH = "browser.search";
    public static final String BROWSER_DOWNLOAD = "browser.download";
    public static final String LOCAL_FOLDER = "browser.localFolder";
    public static final String LOCAL_CHOOSE = "browser.localChoose";
    public static final String LOCAL_TREE = "browser.localTree";
    public static final String LOCAL_STATUS = "browser.localStatus";

    public static final String WIZARD_TO_FOLDER = "wizard.toFolder";
    public static final String WIZARD_TO_HYPERVISOR = "wizard.toHypervisor";
    public static final String WIZARD_FOLDER = "wizard.folder";
    public static final String WIZARD_FORMAT = "wizard.format";
    public static final String WIZARD_PASSPHRASE = "wizard.passphrase";
    public static final String WIZARD_NAME = "wizard.name";
    public static final String WIZARD_START = "wizard.start";
    public static final String WIZARD_OVERWRITE = "wizard.overwrite";

    private RestoreIds() {
    }
}
