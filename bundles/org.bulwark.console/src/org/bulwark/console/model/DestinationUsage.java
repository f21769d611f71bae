package org.bulwark.console.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bulwark.api.RestorePoint;

/**
 * The storage of one backup destination (a repository folder on a node), summed over its
 * restore points: the size of the backed-up disks and the bytes the backups added to it.
 *
 * @param destination {@code node:folder}
 * @param logicalBytes what the restore points hold, each counted as a full copy
 * @param storedBytes what they wrote to the repository after deduplication and compression
 */
public record DestinationUsage(String destination, long logicalBytes, long storedBytes) {

    /** Data reduction by deduplication and compression: logical over stored bytes, 0 when nothing is stored. */
    public double ratio() {
        return storedBytes == 0 ? 0 : (double) logicalBytes / storedBytes;
    }

    /** One entry per destination, by name. */
    public static List<DestinationUsage> of(List<RestorePoint> points) {
        Map<String, long[]> sums = new TreeMap<>();
        for (RestorePoint point : points) {
            long[] sum = sums.computeIfAbsent(Objects.toString(point.nodeName(), "?") + ":" + point.destination(),
                    key -> new long[2]);
            sum[0] += point.logicalBytes();
            sum[1] += point.bytesWritten();
        }
        return sums.entrySet().stream()
                .map(entry -> new DestinationUsage(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
    }
}
