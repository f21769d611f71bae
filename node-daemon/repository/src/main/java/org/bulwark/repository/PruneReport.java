package org.bulwark.repository;

import java.util.List;

/**
 * What prune removed (or, in a dry run, would remove).
 *
 * @param dryRun          nothing was changed
 * @param forgotten       backups removed by the retention policy
 * @param chunks          chunks no kept backup references
 * @param bytes           their stored size
 * @param recycleBin      the recycle-bin folder they went to (null in a dry run or when nothing moved)
 * @param purgedBins      recycle-bin folders older than the configured days that were deleted
 */
public record PruneReport(boolean dryRun, List<Backup> forgotten, long chunks, long bytes, String recycleBin,
                          List<String> purgedBins) {
    public PruneReport {
        forgotten = List.copyOf(forgotten);
        purgedBins = List.copyOf(purgedBins);
    }
}
