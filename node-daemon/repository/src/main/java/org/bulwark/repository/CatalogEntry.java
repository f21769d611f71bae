package org.bulwark.repository;

/**
 * One entry of a backup's catalog (the browsable list of what it holds).
 *
 * @param path        relative path with '/' separators ("" never occurs; a single file is its name)
 * @param type        file, directory, symlink, disk image or stream
 * @param mode        POSIX permission bits (0 when unknown)
 * @param mtimeNanos last modification time, nanoseconds since the epoch
 * @param size        content size in bytes (0 for directories and links)
 * @param linkTarget  symlink target, "" otherwise
 * @param item        index of the content in the manifest, -1 when there is none
 */
public record CatalogEntry(String path, EntryType type, int mode, long mtimeNanos, long size, String linkTarget, int item) {
}
