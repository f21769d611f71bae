package org.bulwark.repository.format;

import java.util.List;

/**
 * The content of one file, disk or stream: its size and the segments that make it up, in order.
 *
 * @param size     total bytes (the sum of the segment lengths)
 * @param segments chunks and zero runs
 */
public record ManifestItem(long size, List<Segment> segments) {
}
