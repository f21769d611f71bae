package org.bulwark.node.m365.restore;

import java.time.Instant;

/**
 * A restore point of a tenant: a complete backup run.
 *
 * @param id       run id (its start time, epoch milliseconds); pass it to the browse calls
 * @param started  start of the run
 * @param finished end of the run
 * @param items    items stored by the run
 * @param bytes    content bytes downloaded by the run
 */
public record RestorePoint(long id, Instant started, Instant finished, long items, long bytes) {
}
