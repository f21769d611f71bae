package org.bulwark.repository.format;

/**
 * A run of an item's content: a chunk, or (chunk == null) a run of zero bytes stored as nothing.
 *
 * @param chunk  the chunk holding these bytes, null for a zero run
 * @param length bytes covered
 */
public record Segment(ChunkId chunk, long length) {
    public boolean zero() {
        return chunk == null;
    }
}
