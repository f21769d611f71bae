package org.bulwark.repository;

/**
 * A byte range of a disk that changed since the parent backup (from changed-block tracking).
 *
 * @param offset first byte
 * @param length bytes
 */
public record Extent(long offset, long length) {
    public Extent {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative extent");
        }
    }
}
