package org.bulwark.node.m365.metadata;

/** The Microsoft 365 services protected, each with its own metadata database and repository label. */
public enum Service {
    MAIL, FILES, TEAMS, CALENDARS, CONTACTS;

    /** The file and label name: "mail", "files", "teams", "calendars", "contacts". */
    public String key() {
        return name().toLowerCase();
    }
}
