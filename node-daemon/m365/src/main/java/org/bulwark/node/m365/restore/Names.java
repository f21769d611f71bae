package org.bulwark.node.m365.restore;

/** Names of restored things: numbered alternatives and the "Restored <date>" folder. */
final class Names {

    private Names() {
    }

    /** "report.pdf" becomes "report (2).pdf". */
    static String numbered(String name, int n) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    /** "Restored 2026-11-28 07-45-00" (UTC; no characters that drives refuse). */
    static String restoredFolder(java.time.Instant when) {
        return "Restored " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss")
                .withZone(java.time.ZoneOffset.UTC).format(when);
    }
}
