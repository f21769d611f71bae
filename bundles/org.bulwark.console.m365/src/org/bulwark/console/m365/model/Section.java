package org.bulwark.console.m365.model;

/**
 * A top entry of a restore point's tree: its mailboxes, its drives, or what a search found.
 *
 * @param text the search text ({@code null} unless {@code kind} is {@link Kind#SEARCH})
 */
public record Section(Kind kind, String text) {
    /** What a section lists. */
    public enum Kind {
        MAIL, FILES, SEARCH
    }

    public static final Section MAIL = new Section(Kind.MAIL, null);
    public static final Section FILES = new Section(Kind.FILES, null);

    /** The results of searching subjects, senders and names for {@code text}. */
    public static Section search(String text) {
        return new Section(Kind.SEARCH, text);
    }

    /** The label of the section in the tree. */
    public String label() {
        return switch (kind) {
            case MAIL -> "Mail";
            case FILES -> "Files";
            case SEARCH -> "Found for '" + text + "'";
        };
    }
}
