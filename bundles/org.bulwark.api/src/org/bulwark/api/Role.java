package org.bulwark.api;

/** What a user may do: administrators manage everything, operators run and restore backups, viewers only look. */
public enum Role {
    ADMINISTRATOR, OPERATOR, VIEWER;

    /** Role names for {@code @RolesAllowed}, so the annotations and the enum never drift apart. */
    public static final String ADMIN = "ADMINISTRATOR";
    public static final String OPS = "OPERATOR";
    public static final String VIEW = "VIEWER";
}
