package org.bulwark.node.m365.backup;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a tenant backup run.
 *
 * @param runId      the restore point id (start time, epoch milliseconds)
 * @param complete   every owner was backed up; otherwise the run resumes next time where it stopped
 * @param items      items stored (new or changed)
 * @param unchanged  items seen unchanged (not downloaded)
 * @param deleted    tombstones recorded
 * @param bytes      content bytes downloaded
 * @param throttled  throttling answers waited out
 * @param duration   wall time
 * @param errors     one line per owner that failed
 */
public record BackupReport(long runId, boolean complete, long items, long unchanged, long deleted, long bytes, long throttled,
                           Duration duration, List<String> errors) {
    public BackupReport {
        errors = List.copyOf(errors);
    }
}
