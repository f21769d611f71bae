package org.bulwark.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A named backup destination: a repository folder on a node, with what its restore points hold.
 *
 * @param restorePoints how many restore points (not expired) the node keeps in the folder
 * @param logicalBytes what they hold, each counted as a full copy of its disks
 * @param storedBytes what they wrote to the repository after deduplication and compression
 * @param reductionRatio {@code logicalBytes / storedBytes}, 0 while nothing is stored
 * @param usedBy names of the policies that back up into the folder; while there is one, the destination cannot be removed
 */
public record Destination(UUID id, String name, UUID nodeId, String nodeName, String folder, Instant createdAt,
                          int restorePoints, long logicalBytes, long storedBytes, double reductionRatio,
                          List<String> usedBy) {
    public Destination {
        usedBy = usedBy == null ? List.of() : List.copyOf(usedBy);
    }
}
