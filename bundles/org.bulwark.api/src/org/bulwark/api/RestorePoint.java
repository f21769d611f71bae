package org.bulwark.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A backup of one VM in a repository, recorded from the BACKUP task that made it.
 *
 * @param id the repository's id of the backup
 * @param kind {@code FULL} or {@code INCREMENTAL}
 * @param bytesRead bytes read from the hypervisor
 * @param bytesWritten bytes added to the destination
 * @param logicalBytes size of the VM's disks
 * @param policyId the policy that made it, {@code null} for a backup on demand
 */
public record RestorePoint(String id, UUID vmId, String vmName, Instant createdAt, String kind, long bytesRead,
                           long bytesWritten, long logicalBytes, UUID nodeId, String nodeName, String destination,
                           UUID policyId, UUID taskId) {
}
