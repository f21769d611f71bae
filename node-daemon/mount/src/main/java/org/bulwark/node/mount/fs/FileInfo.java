package org.bulwark.node.mount.fs;

import java.time.Instant;

/**
 * An entry of a guest directory.
 *
 * @param name       the entry's name (bytes decoded as UTF-8, malformed sequences replaced)
 * @param type       file, directory, symbolic link or other
 * @param size       bytes of content
 * @param mtime      last modification
 * @param mode       permission bits (octal 7777)
 * @param linkTarget the target of a symbolic link, else empty
 */
public record FileInfo(String name, FileType type, long size, Instant mtime, int mode, String linkTarget) {

    /** Kinds of directory entries. */
    public enum FileType { FILE, DIRECTORY, SYMLINK, OTHER }
}
