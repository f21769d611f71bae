package org.bulwark.repository;

/** The kind of an entry in a backup's catalog. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, DISK_IMAGE, STREAM;

    /** Whether the entry has content in the manifest. */
    public boolean hasContent() {
        return this == FILE || this == DISK_IMAGE || this == STREAM;
    }
}
