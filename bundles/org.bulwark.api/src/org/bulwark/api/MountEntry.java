package org.bulwark.api;

import java.time.Instant;

/**
 * A file or folder inside a mounted partition.
 *
 * @param name the entry's name
 * @param path its full path inside the partition ({@code /etc/hosts})
 * @param type {@code FILE}, {@code DIRECTORY}, {@code SYMLINK} or {@code OTHER}
 * @param size bytes of content
 * @param modified last modification
 * @param mode permission bits (octal 7777)
 * @param linkTarget the target of a symbolic link, else empty
 */
public record MountEntry(String name, String path, String type, long size, Instant modified, int mode,
                         String linkTarget) {
}
