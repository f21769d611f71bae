package org.bulwark.node.m365.metadata;

import java.util.Arrays;
import java.util.List;

/**
 * One version of a protected item as seen by one backup run; a tombstone when {@code deleted}.
 * The state at a restore point is, per item, the newest version whose run is not after it.
 *
 * @param owner    mailbox (user id), drive id or team id
 * @param kind     {@link Kinds}
 * @param id       Graph id of the item
 * @param run      the run that saw this version
 * @param parent   parent folder, drive folder or channel id ("" for top level)
 * @param name     subject, file or folder name, channel name
 * @param sender   sender address or author ("" when none)
 * @param modified received or modified time, epoch milliseconds
 * @param size     content size in bytes
 * @param change   Graph change key, cTag or eTag: equal means unchanged content
 * @param recipe   SHA-256 hashes of the blobs whose concatenation is the content, space-separated
 * @param deleted  tombstone: deleted at {@code modified} (the time the run saw the deletion)
 */
public record ItemVersion(String owner, String kind, String id, long run, String parent, String name, String sender,
                          long modified, long size, String change, String recipe, boolean deleted) {

    public ItemVersion {
        parent = parent == null ? "" : parent;
        name = name == null ? "" : name;
        sender = sender == null ? "" : sender;
        change = change == null ? "" : change;
        recipe = recipe == null ? "" : recipe;
    }

    /** The blob hashes of the content, in order. */
    public List<String> blobs() {
        return recipe.isEmpty() ? List.of() : Arrays.asList(recipe.split(" "));
    }

    /** This version's tombstone, seen by a run at a time. */
    public ItemVersion tombstone(long run, long at) {
        return new ItemVersion(owner, kind, id, run, parent, name, sender, at, size, change, recipe, true);
    }

    /** The same content under a (possibly) new parent and name, seen by another run. */
    public ItemVersion movedTo(long run, String newParent, String newName) {
        return new ItemVersion(owner, kind, id, run, newParent, newName, sender, modified, size, change, recipe, false);
    }

    /** The kinds of items. */
    public static final class Kinds {
        public static final String MAIL_FOLDER = "mailFolder";
        public static final String MESSAGE = "message";
        public static final String DRIVE_FOLDER = "folder";
        public static final String FILE = "file";
        public static final String CHANNEL = "channel";
        public static final String CHANNEL_MESSAGE = "channelMessage";
        /** A calendar of a user; its events have it as parent. */
        public static final String CALENDAR = "calendar";
        /**
         * An event: name the subject, sender the organizer's address, modified the start; content its Graph JSON
         * (first blob) followed by the bytes of its file attachments (one blob each).
         */
        public static final String EVENT = "event";
        /** The field of an event's stored JSON that describes its file attachments (name, contentType, isInline), in blob order. */
        public static final String EVENT_ATTACHMENTS = "@bulwark.attachments";
        public static final String CONTACT_FOLDER = "contactFolder";
        /** A contact: name the display name, sender the first e-mail address; content its Graph JSON. */
        public static final String CONTACT = "contact";

        private Kinds() {
        }
    }
}
